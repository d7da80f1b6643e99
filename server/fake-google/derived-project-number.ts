import { createHash } from 'node:crypto';

/**
 * The number of a world project that states none: 12 digits like Google's (e.g. 415104041262), taken
 * from the SHA-256 of the project ID, so it is the same on every load, in every process.
 */
export function derivedProjectNumber(projectId: string): string {
  const digest = createHash('sha256').update(projectId).digest();
  return String(100_000_000_000n + (digest.readBigUInt64BE(0) % 900_000_000_000n));
}
