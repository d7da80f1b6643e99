import { createHash } from 'node:crypto';
import type { JsonObject } from '../proto-json-checker.ts';

// Google's etag of a policy with no bindings (base64 of 0x00 0x20 0x01), as getIamPolicy returns it.
const EMPTY_POLICY_ETAG = 'ACAB';

/** The policy as getIamPolicy returns it: always with an etag (8 bytes, base64, stable per content). */
export function withIamPolicyEtag(policy: JsonObject | undefined): JsonObject {
  if (!policy) return { etag: EMPTY_POLICY_ETAG };
  if (typeof policy.etag === 'string' && policy.etag !== '') return policy;
  const digest = createHash('sha256').update(JSON.stringify(policy)).digest().subarray(0, 8);
  return { ...policy, etag: digest.toString('base64') };
}
