import type { Severity, Verdict } from '../../../shared/model.ts';

/** How each exposure verdict reads on the map, in the panel and in the legend. */
export const verdictPresentation: Record<Verdict, { label: string; description: string }> = {
  overexposed: {
    label: 'Overexposed',
    description: 'Anyone can invoke it from outside, and it is not declared public',
  },
  public: { label: 'Public', description: 'Invocable by anyone, declared public on purpose' },
  reachable: { label: 'Reachable', description: 'Reachable from outside; IAM or IAP decides who gets in' },
  internal: { label: 'Internal', description: 'Only reachable from inside the VPC or project' },
  closed: { label: 'Closed', description: 'Ingress is closed' },
};

export const severityLabel: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

/** Sort rank: critical first. */
export const severityRank: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };
