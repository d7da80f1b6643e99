/** The request carries no valid IAP assertion: answered 401. */
export class UnauthenticatedError extends Error {
  readonly code = 'unauthenticated';
}

/** A valid identity that the configured domains do not admit: answered 403. */
export class ForbiddenError extends Error {
  readonly code = 'forbidden';
}

/** IAP's public keys cannot be fetched, so no assertion can be checked: answered 503 (fail closed). */
export class KeysUnavailableError extends Error {
  readonly code = 'auth_unavailable';
}
