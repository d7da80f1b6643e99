import { GoogleApiError } from './google-api-error.ts';

/**
 * Cloud Run documents no page size limits of its own, so AIP-158's (google.aip.dev/158) apply: 50 when
 * page_size is unset, larger values coerced to 1000, negative ones refused.
 */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

export interface PageRequest {
  /** 0 means the API's default. */
  pageSize: number;
  pageToken: string;
  /** Everything else in the request; a token is only valid for the request that produced it. */
  queryKey: string;
}

export interface Page<T> {
  items: T[];
  nextPageToken: string;
}

interface TokenBody {
  q: string;
  o: number;
}

/** An API's own page sizes, where it documents them (otherwise AIP-158's). */
export interface PageLimits {
  defaultSize: number;
  maxSize: number;
}

/** Cuts a page out of a list with opaque page tokens, answering INVALID_ARGUMENT for bad ones. */
export function paginate<T>(
  items: readonly T[],
  request: PageRequest,
  limits: PageLimits = { defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE },
): Page<T> {
  if (!Number.isInteger(request.pageSize) || request.pageSize < 0) {
    throw GoogleApiError.invalidArgument(`page_size must not be negative, got ${request.pageSize}.`);
  }
  const size = Math.min(request.pageSize || limits.defaultSize, limits.maxSize);
  const offset = request.pageToken ? decodeToken(request.pageToken, request.queryKey, items.length) : 0;
  const end = offset + size;
  return {
    items: items.slice(offset, end),
    nextPageToken: end < items.length ? encodeToken({ q: request.queryKey, o: end }) : '',
  };
}

function encodeToken(body: TokenBody): string {
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

function decodeToken(token: string, queryKey: string, length: number): number {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    body = undefined;
  }
  const { q, o } = (body ?? {}) as Partial<TokenBody>;
  if (q !== queryKey || typeof o !== 'number' || !Number.isInteger(o) || o < 0 || o > length) {
    throw GoogleApiError.invalidArgument(
      'Invalid page_token: it must come from a previous call with the same parameters.',
    );
  }
  return o;
}
