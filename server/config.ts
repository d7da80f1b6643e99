import { z } from 'zod';

/** A comma-separated list of non-empty items, each checked by `item`. */
const commaList = (item: z.ZodType<string, string>) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1));

/**
 * IAP's signed-header audiences (https://cloud.google.com/iap/docs/signed-headers-howto): behind a
 * load balancer `/projects/NUMBER/global/backendServices/ID`; with IAP enabled on the Cloud Run service
 * itself `/projects/NUMBER/locations/REGION/services/SERVICE`.
 */
const IAP_AUDIENCE =
  /^\/projects\/\d{6,20}\/(global\/backendServices\/\d{1,25}|locations\/[a-z]+-[a-z]+\d+\/services\/[a-z][a-z0-9-]{0,62})$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The JWKS location: https, or plain http to loopback only (tests serve their own keys there). */
const jwksUrl = z.url().refine((u) => {
  const { protocol, hostname } = new URL(u);
  return (
    protocol === 'https:' || (protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname))
  );
}, 'expected an https URL (or http on 127.0.0.1 for tests)');

/** Environment configuration, validated once at start. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  /** Interface to listen on: loopback locally, all interfaces on Cloud Run (K_SERVICE set). */
  RUNMAP_HOST: z.string().min(1).optional(),
  /** Seconds between background collections; 0 turns the interval off. */
  RUNMAP_REFRESH_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  /** Traces read into each snapshot (observed edges on the map, GR-01, GR-02): 1h, 6h, 24h or 7d. */
  RUNMAP_TRAFFIC_WINDOW: z.enum(['1h', '6h', '24h', '7d']).default('24h'),
  /** Google API calls in flight at once. */
  RUNMAP_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  K_SERVICE: z.string().optional(),
  /** Policy file (YAML) for serve and audit; --policy takes precedence. */
  RUNMAP_POLICY: z.string().min(1).optional(),
  /** `disabled` turns the IAP gate off explicitly (warned about in the log and the UI). */
  RUNMAP_AUTH: z.enum(['iap', 'disabled']).optional(),
  RUNMAP_IAP_AUDIENCE: commaList(
    z
      .string()
      .regex(
        IAP_AUDIENCE,
        'expected /projects/NUMBER/global/backendServices/ID or /projects/NUMBER/locations/REGION/services/SERVICE',
      ),
  ).optional(),
  RUNMAP_IAP_JWKS_URL: jwksUrl.optional(),
  RUNMAP_ALLOWED_DOMAINS: commaList(
    z
      .string()
      .transform((d) => d.toLowerCase())
      .pipe(z.string().regex(DOMAIN, 'expected domain names like example.com')),
  ).optional(),
  /** Projects `runmap serve` maps when no --world or --project flag is given (the deployed console). */
  RUNMAP_PROJECTS: commaList(
    z.string().regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, 'expected Google Cloud project IDs'),
  ).optional(),
  /** Project of the Cloud Logging trace field (`projects/P/traces/T`). */
  GOOGLE_CLOUD_PROJECT: z
    .string()
    .regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, 'expected a project ID')
    .optional(),
});

/**
 * Who may use the console: `iap` verifies IAP's signed header on every request but /healthz;
 * `disabled` was asked for explicitly; `local` is the demo on a laptop (no K_SERVICE, no audience).
 */
export type AuthConfig =
  | { mode: 'iap'; audiences: string[]; jwksUrl: string | undefined; allowedDomains: string[] }
  | { mode: 'disabled' }
  | { mode: 'local' };

export type Config = z.infer<typeof configSchema> & { host: string; auth: AuthConfig };

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const relevant = Object.fromEntries(
    Object.entries(env).filter(
      ([k, v]) =>
        (k === 'PORT' || k === 'K_SERVICE' || k === 'GOOGLE_CLOUD_PROJECT' || k.startsWith('RUNMAP_')) &&
        v !== '',
    ),
  );
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = String(i.path[0] ?? '');
      return `  ${key}=${JSON.stringify(relevant[key] ?? '')}: ${i.message}`;
    });
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return { ...c, host: c.RUNMAP_HOST ?? (c.K_SERVICE ? '0.0.0.0' : '127.0.0.1'), auth: authConfig(c) };
}

/** Fails closed: on Cloud Run, or when asked for, the gate needs an audience; only `disabled` turns it off. */
function authConfig(c: z.infer<typeof configSchema>): AuthConfig {
  if (c.RUNMAP_AUTH === 'disabled') return { mode: 'disabled' };
  const audiences = c.RUNMAP_IAP_AUDIENCE ?? [];
  if (audiences.length === 0) {
    if (c.RUNMAP_AUTH === 'iap' || c.K_SERVICE) {
      const why = c.K_SERVICE ? `running on Cloud Run (K_SERVICE=${c.K_SERVICE})` : 'RUNMAP_AUTH=iap';
      throw new ConfigError(
        `invalid configuration:\n  RUNMAP_IAP_AUDIENCE is not set: ${why}, runmap refuses to serve without verifying IAP. ` +
          'Set RUNMAP_IAP_AUDIENCE to the signed-header audience (/projects/NUMBER/global/backendServices/ID ' +
          'or /projects/NUMBER/locations/REGION/services/SERVICE), or RUNMAP_AUTH=disabled to serve without sign-in.',
      );
    }
    return { mode: 'local' };
  }
  return {
    mode: 'iap',
    audiences,
    jwksUrl: c.RUNMAP_IAP_JWKS_URL,
    allowedDomains: c.RUNMAP_ALLOWED_DOMAINS ?? [],
  };
}
