import { type CryptoKey, errors, type JWSHeaderParameters, jwtVerify } from 'jose';
import { ForbiddenError, KeysUnavailableError, UnauthenticatedError } from './auth-errors.ts';

/** Issuer of every IAP assertion. */
export const IAP_ISSUER = 'https://cloud.google.com/iap';
/** The header IAP adds to each request it lets through. */
export const IAP_ASSERTION_HEADER = 'x-goog-iap-jwt-assertion';

/** A user as IAP signed them in; the only identity runmap trusts. */
export interface IapIdentity {
  email: string;
  /** `accounts.google.com:<id>` */
  subject: string;
  /** Google Workspace domain (`hd` claim), when the account has one. */
  hostedDomain: string | null;
}

export interface IapVerifierOptions {
  /** Accepted `aud` values (signed-header audiences of the backend service or Cloud Run service). */
  audiences: string[];
  getKey: (header: JWSHeaderParameters) => Promise<CryptoKey>;
  /** When not empty, only identities whose `hd` or email domain is listed pass (lowercase). */
  allowedDomains?: string[];
  now?: () => number;
}

const SKEW_SECONDS = 30;
/** IAP assertions live 10 minutes; an older `iat` is refused even if `exp` says otherwise. */
const MAX_AGE_SECONDS = 60 * 60;
/** Far above an IAP assertion (about 1 kB); anything bigger is refused before parsing. */
const MAX_ASSERTION_LENGTH = 8_192;

/**
 * Verifies IAP's signed header: ES256 only, a key from IAP's JWKS, issuer, audience, exp and iat with
 * 30 s of skew, then the optional domain restriction. Throws Unauthenticated/Forbidden/KeysUnavailable.
 */
export class IapVerifier {
  private readonly allowedDomains: string[];

  constructor(private readonly options: IapVerifierOptions) {
    if (options.audiences.length === 0) throw new Error('IapVerifier needs at least one audience');
    this.allowedDomains = (options.allowedDomains ?? []).map((d) => d.toLowerCase());
  }

  async verify(assertion: string | undefined): Promise<IapIdentity> {
    if (!assertion) {
      throw new UnauthenticatedError(
        `missing ${IAP_ASSERTION_HEADER} header: requests must come through Identity-Aware Proxy`,
      );
    }
    if (assertion.length > MAX_ASSERTION_LENGTH) {
      throw new UnauthenticatedError('the IAP assertion is malformed (too long)');
    }
    let payload: Record<string, unknown>;
    try {
      const now = this.options.now?.() ?? Date.now();
      ({ payload } = await jwtVerify(assertion, this.options.getKey, {
        algorithms: ['ES256'],
        issuer: IAP_ISSUER,
        audience: this.options.audiences,
        clockTolerance: SKEW_SECONDS,
        maxTokenAge: MAX_AGE_SECONDS,
        requiredClaims: ['exp', 'iat', 'sub', 'email'],
        currentDate: new Date(now),
      }));
    } catch (error) {
      if (error instanceof KeysUnavailableError) throw error;
      throw new UnauthenticatedError(`the IAP assertion is invalid: ${reason(error)}`);
    }
    const { email, sub, hd } = payload;
    if (
      typeof email !== 'string' ||
      typeof sub !== 'string' ||
      (hd !== undefined && typeof hd !== 'string')
    ) {
      throw new UnauthenticatedError('the IAP assertion is invalid: email, sub or hd is not a string');
    }
    const identity = { email, subject: sub, hostedDomain: hd ?? null };
    if (!this.admits(identity)) {
      throw new ForbiddenError(`${email} is not in an allowed domain (${this.allowedDomains.join(', ')})`);
    }
    return identity;
  }

  private admits(identity: IapIdentity): boolean {
    if (this.allowedDomains.length === 0) return true;
    const emailDomain = identity.email.slice(identity.email.lastIndexOf('@') + 1).toLowerCase();
    const hd = identity.hostedDomain?.toLowerCase();
    return this.allowedDomains.some((d) => d === hd || d === emailDomain);
  }
}

/** A short reason for the log and the 401 body; never echoes the token. */
function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `${error.claim} check failed`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'not signed with ES256';
  if (error instanceof errors.JWKSNoMatchingKey) return 'signed with an unknown key';
  if (error instanceof errors.JWKSMultipleMatchingKeys) return 'key id matches several keys';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature does not verify';
  if (error instanceof errors.JOSENotSupported) return 'unsupported algorithm or key';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'malformed';
  return 'malformed';
}
