import type { PartialFailure } from '../../shared/observability.ts';
import { describeError } from '../collect/collect.ts';

const HTTP_CODES: Record<string, string> = {
  '400': 'INVALID_ARGUMENT',
  '401': 'UNAUTHENTICATED',
  '403': 'PERMISSION_DENIED',
  '404': 'NOT_FOUND',
  '429': 'RESOURCE_EXHAUSTED',
  '500': 'INTERNAL',
  '501': 'UNIMPLEMENTED',
  '503': 'UNAVAILABLE',
  '504': 'DEADLINE_EXCEEDED',
};

/**
 * Code and message of a failed Google call, as collect names them (gRPC status names, or the status of
 * Google's JSON error body for REST), with a bare HTTP status mapped to its gRPC name.
 */
export function describeUpstream(error: unknown): { code: string; message: string } {
  const described = describeError(error);
  return { ...described, code: HTTP_CODES[described.code] ?? described.code };
}

/** A partial failure naming the API, the project and what went wrong, for the panel to show. */
export function failureOf(
  source: PartialFailure['source'],
  project: string,
  what: string,
  error: unknown,
): PartialFailure {
  const { code, message } = describeUpstream(error);
  const api = { logging: 'Cloud Logging', monitoring: 'Cloud Monitoring', trace: 'Cloud Trace' }[source];
  return {
    source,
    code,
    message: `${api} could not ${what} in project ${project}: ${message.slice(0, 500)}`,
  };
}
