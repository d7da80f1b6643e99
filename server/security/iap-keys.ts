import {
  type CryptoKey,
  createLocalJWKSet,
  errors,
  type JSONWebKeySet,
  type JWSHeaderParameters,
} from 'jose';
import { z } from 'zod';
import { KeysUnavailableError } from './auth-errors.ts';

/** Where IAP publishes the keys that sign `x-goog-iap-jwt-assertion` (JWK format). */
export const IAP_JWKS_URL = 'https://www.gstatic.com/iap/verify/public_key-jwk';

const jwksSchema = z.object({ keys: z.array(z.looseObject({ kty: z.string() })).max(100) });

export interface IapKeyStoreOptions {
  url?: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** Keys are fetched again after this long even when every kid is known (IAP rotates keys). */
  maxAgeMs?: number;
  /** An unknown kid triggers a refetch at most this often, so forged kids cannot flood the JWKS host. */
  cooldownMs?: number;
  timeoutMs?: number;
  onFetch?: (outcome: { ok: boolean; keys?: number; error?: string }) => void;
}

type KeyResolver = ReturnType<typeof createLocalJWKSet>;

/**
 * IAP's public keys, cached: fetched on first use, refreshed after maxAgeMs, and refetched when a
 * token names an unknown kid, at most once per cooldownMs. A failed refresh keeps the old keys.
 */
export class IapKeyStore {
  private readonly url: string;
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  private readonly maxAgeMs: number;
  private readonly cooldownMs: number;
  private readonly timeoutMs: number;
  private resolver: KeyResolver | null = null;
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private inflight: Promise<void> | null = null;
  /** Number of JWKS requests made, for tests and logs. */
  fetches = 0;

  constructor(private readonly options: IapKeyStoreOptions = {}) {
    this.url = options.url ?? IAP_JWKS_URL;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? Date.now;
    this.maxAgeMs = options.maxAgeMs ?? 60 * 60_000;
    this.cooldownMs = options.cooldownMs ?? 60_000;
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  /** jose key lookup: the verification key for a token header. */
  readonly getKey = async (header: JWSHeaderParameters): Promise<CryptoKey> => {
    if (!this.resolver || this.now() - this.fetchedAt >= this.maxAgeMs) await this.refresh();
    try {
      return await this.resolve(header);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || this.now() - this.fetchedAt < this.cooldownMs) {
        throw error;
      }
      await this.refresh();
      return this.resolve(header);
    }
  };

  private resolve(header: JWSHeaderParameters): Promise<CryptoKey> {
    if (!this.resolver) throw new KeysUnavailableError('IAP public keys are not available');
    return this.resolver(header) as Promise<CryptoKey>;
  }

  /** One fetch at a time; concurrent callers share it. */
  private refresh(): Promise<void> {
    this.inflight ??= this.load().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async load(): Promise<void> {
    // Counted as a fetch whatever the outcome: the cooldown also protects against a failing host.
    this.fetchedAt = this.now();
    this.fetches += 1;
    try {
      const response = await this.fetch(this.url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const jwks = jwksSchema.parse(await response.json()) as JSONWebKeySet;
      this.resolver = createLocalJWKSet(jwks);
      this.options.onFetch?.({ ok: true, keys: jwks.keys.length });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.options.onFetch?.({ ok: false, error: message });
      if (!this.resolver) {
        throw new KeysUnavailableError(`cannot fetch IAP public keys from ${this.url}: ${message}`);
      }
    }
  }
}
