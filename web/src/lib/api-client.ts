import type { z } from 'zod';
import { apiErrorSchema } from '../../../shared/api.ts';

/** Why a request to the runmap API failed; every failure the UI shows is one of these. */
export type ApiFailureKind = 'unreachable' | 'http' | 'bad-response';

/** A failed API call, named so that the UI can say what went wrong. */
export class ApiRequestError extends Error {
  readonly kind: ApiFailureKind;
  /** HTTP status, when the server answered. */
  readonly status: number | undefined;
  /** `error.code` of the server's answer (e.g. `not_found`, `snapshot_pending`), or our own code. */
  readonly code: string;
  readonly endpoint: string;

  constructor(init: {
    kind: ApiFailureKind;
    status?: number;
    code: string;
    endpoint: string;
    message: string;
  }) {
    super(init.message);
    this.name = 'ApiRequestError';
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.endpoint = init.endpoint;
  }
}

/** Up to three schema issues as `path: message`, enough to name the problem without flooding the UI. */
export function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
  const more = error.issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

/** Fetches `path` and parses the JSON body with `schema`; throws ApiRequestError on any failure. */
export async function apiRequest<T>(
  path: string,
  schema: z.ZodType<T>,
  init: { method?: 'GET' | 'POST'; signal?: AbortSignal | undefined } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  const endpoint = `${method} ${path}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { accept: 'application/json' },
      signal: init.signal ?? null,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError({
      kind: 'unreachable',
      code: 'unreachable',
      endpoint,
      message: `Could not reach the runmap API (${endpoint}): ${error instanceof Error ? error.message : String(error)}`,
    });
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiRequestError({
      kind: response.ok ? 'bad-response' : 'http',
      status: response.status,
      code: response.ok ? 'bad_response' : `http_${response.status}`,
      endpoint,
      message: `${endpoint} answered HTTP ${response.status} with a body that is not JSON.`,
    });
  }

  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(body);
    throw new ApiRequestError({
      kind: 'http',
      status: response.status,
      code: parsed.success ? parsed.data.error.code : `http_${response.status}`,
      endpoint,
      message: parsed.success
        ? parsed.data.error.message
        : `${endpoint} answered HTTP ${response.status} without an error description.`,
    });
  }

  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiRequestError({
      kind: 'bad-response',
      status: response.status,
      code: 'bad_response',
      endpoint,
      message: `${endpoint} returned data this console does not understand: ${describeIssues(parsed.error)}`,
    });
  }
  return parsed.data;
}

/** A one-line title for an error, for headings of error states. */
export function errorTitle(error: unknown): string {
  if (!(error instanceof ApiRequestError)) return 'Something went wrong';
  switch (error.kind) {
    case 'unreachable':
      return 'The runmap API is unreachable';
    case 'bad-response':
      return 'The runmap API sent an unexpected response';
    case 'http':
      return error.code === 'not_found'
        ? 'Not found'
        : `The runmap API answered with an error (${error.code})`;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
