import { z } from 'zod';

/**
 * The policy file (YAML, kept in git): intent and exceptions that the inventory cannot tell.
 *
 * ```yaml
 * publicServices:            # declared public besides the label runmap-exposure=public
 *   - projects/shop-prod/locations/*\/services/frontend
 *   - oncall-bot             # a pattern without "/" matches the short name
 * allowedInvokers:           # CR-10; each list is checked only when given
 *   domains: [example.com]   # user:, group: and domain: members
 *   projects: [shop-prod]    # serviceAccount: members (project id or number)
 * waivers:
 *   - rule: CR-05            # a rule id, or "*" for every rule
 *     resource: projects/shop-prod/locations/europe-west1/services/cart
 *     justification: The mobile app calls cart directly until the LB migration (SHOP-123).
 *     owner: shop-team@example.com
 *     expires: 2027-03-31    # last day the waiver applies (UTC)
 * ```
 *
 * Patterns: `*` matches within one path segment, `**` across segments; matching is exact otherwise.
 */

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'is not a calendar date');

export const waiverSchema = z.strictObject({
  rule: nonEmpty.regex(/^(?:\*|[A-Z]+-\d+)$/, 'must be a rule id such as CR-05, or "*"'),
  resource: nonEmpty,
  justification: nonEmpty,
  owner: nonEmpty,
  expires: isoDate,
});
export type Waiver = z.infer<typeof waiverSchema>;

export const policyFileSchema = z.strictObject({
  /** Optional format version; only 1 exists. */
  version: z.literal(1).optional(),
  publicServices: z.array(nonEmpty).default([]),
  allowedInvokers: z
    .strictObject({
      domains: z
        .array(nonEmpty.regex(/^(?:\*\.)?[A-Za-z0-9.-]+$/, 'must be a domain such as example.com'))
        .default([]),
      projects: z.array(nonEmpty.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a project id or number')).default([]),
    })
    .default({ domains: [], projects: [] }),
  waivers: z.array(waiverSchema).default([]),
});
export type PolicyFile = z.infer<typeof policyFileSchema>;

/** A parsed policy: the file's content plus where each waiver stands in it. */
export interface Policy extends PolicyFile {
  /** Where the policy came from, e.g. the file name; shown in notes. */
  source?: string;
  /** 1-based line of each waiver in the file, by index in `waivers`. */
  waiverLines?: number[];
}

/** The policy used when none is given: nothing declared, nothing allowed explicitly, no waivers. */
export const emptyPolicy: Policy = {
  publicServices: [],
  allowedInvokers: { domains: [], projects: [] },
  waivers: [],
};
