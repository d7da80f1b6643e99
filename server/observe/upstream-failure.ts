import type { PartialFailure } from '../../shared/observability.ts';
import { describeError } from '../collect/collect.ts';

const HTTP_CODES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/**
 * Code and message of a failed Google call: gRPC errors (Logging, Monitoring) as collect names them;
 * REST errors (Trace) from Google's JSON error body ({error: {status, message}}) or the HTTP status.
 */
export function describeUpstream(error: unknown): { code: string; message: string } {
  const e = error as {
    status?: unknown;
    response?: { status?: unknown; data?: { error?: { status?: unknown; message?: unknown } } };
  };
  const http =
    typeof e?.response?.status === 'number'
      ? e.response.status
      : typeof e?.status === 'number'
        ? e.status
        : undefined;
  if (http !== undefined) {
    const body = e.response?.data?.error;
    return {
      code: typeof body?.status === 'string' ? body.status : (HTTP_CODES[http] ?? `HTTP_${http}`),
      message: typeof body?.message === 'string' ? body.message : String((error as Error)?.message ?? error),
    };
  }
  return describeError(error);
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
