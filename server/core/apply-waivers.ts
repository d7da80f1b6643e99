import type { Finding, Note, WaiverRef } from '../../shared/model.ts';
import type { Policy, Waiver } from '../../shared/policy.ts';
import { resourcePattern } from './resource-pattern.ts';

const DAY_MS = 86_400_000;

/** A waiver applies through the whole of its expiry day (UTC). */
export function waiverActive(waiver: Waiver, now: Date): boolean {
  return now.getTime() < Date.parse(`${waiver.expires}T00:00:00Z`) + DAY_MS;
}

/**
 * Marks the findings that waivers of the policy cover. Nothing is dropped: a waived finding carries
 * its waiver, and a finding whose only matching waivers have expired carries the lapsed one and
 * counts again. Each expired waiver, and each waiver that matches nothing, becomes a note.
 */
export function applyWaivers(
  findings: readonly Finding[],
  policy: Policy,
  now: Date,
): { findings: Finding[]; notes: Note[] } {
  const waivers = policy.waivers.map((waiver, index) => {
    const line = policy.waiverLines?.[index];
    const ref: WaiverRef = {
      justification: waiver.justification,
      owner: waiver.owner,
      expires: waiver.expires,
      rule: waiver.rule,
      resource: waiver.resource,
      ...(line !== undefined ? { line } : {}),
    };
    return {
      waiver,
      ref,
      active: waiverActive(waiver, now),
      matches: resourcePattern(waiver.resource),
      used: 0,
    };
  });

  const marked = findings.map((finding) => {
    const shortName = finding.resource.split('/').pop() ?? finding.resource;
    const matching = waivers.filter(
      (w) =>
        (w.waiver.rule === '*' || w.waiver.rule === finding.ruleId) && w.matches(finding.resource, shortName),
    );
    for (const w of matching) w.used += 1;
    const active = matching.find((w) => w.active);
    if (active) return { ...finding, waiver: active.ref };
    // The lapsed waiver that expired last is the one a reviewer would renew.
    const lapsed = matching.toSorted((a, b) => (a.waiver.expires < b.waiver.expires ? 1 : -1))[0];
    return lapsed ? { ...finding, expiredWaiver: lapsed.ref } : finding;
  });

  const where = policy.source ? ` in ${policy.source}` : '';
  const notes: Note[] = waivers.flatMap(({ waiver, ref, active, used }): Note[] => {
    const what = `waiver of ${waiver.rule} for ${waiver.resource} (owner ${waiver.owner})${where}`;
    const at = ref.line !== undefined ? { line: ref.line, column: 3 } : {};
    if (!active) {
      return [
        {
          code: 'expired-waiver',
          level: 'warning',
          message: `The ${what} expired on ${waiver.expires} and no longer applies${
            used > 0 ? `: ${used} finding(s) it covered count again` : ''
          }. Renew it with a new justification or fix the finding.`,
          ...at,
        },
      ];
    }
    if (used === 0) {
      return [
        {
          code: 'unused-waiver',
          level: 'info',
          message: `The ${what} matches no finding: the problem may be fixed, or the pattern may be wrong.`,
          ...at,
        },
      ];
    }
    return [];
  });
  return { findings: marked, notes };
}
