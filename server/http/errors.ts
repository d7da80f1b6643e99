/** Domain errors, mapped to HTTP once in the error middleware. */
export class InputError extends Error {
  readonly code = 'invalid_input';
}

export class NotFoundError extends Error {
  readonly code = 'not_found';
}

/** No snapshot yet: the first collection is still running. */
export class NotReadyError extends Error {
  readonly code = 'snapshot_pending';
}

/** A Google API failed and nothing could be answered without it. */
export class UpstreamError extends Error {
  readonly code = 'upstream_failed';
}
