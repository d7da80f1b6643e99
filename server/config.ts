import { z } from 'zod';

/** Environment configuration, validated once at start. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  /** Interface to listen on: loopback locally, all interfaces on Cloud Run (K_SERVICE set). */
  RUNMAP_HOST: z.string().min(1).optional(),
  /** Seconds between background collections; 0 turns the interval off. */
  RUNMAP_REFRESH_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  /** Google API calls in flight at once. */
  RUNMAP_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  K_SERVICE: z.string().optional(),
});
export type Config = z.infer<typeof configSchema> & { host: string };

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const relevant = Object.fromEntries(
    Object.entries(env).filter(
      ([k, v]) => (k === 'PORT' || k === 'K_SERVICE' || k.startsWith('RUNMAP_')) && v !== '',
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
  return { ...c, host: c.RUNMAP_HOST ?? (c.K_SERVICE ? '0.0.0.0' : '127.0.0.1') };
}
