import { describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../../../../shared/model.ts';
import {
  countBySeverity,
  filterFindings,
  findingStatus,
  formatSort,
  isFiltered,
  parseSort,
  severityMatrix,
  sortFindings,
  toggleSort,
} from './findings-query.ts';

function aFinding(ruleId: string, severity: Severity, service: string, project = 'shop'): Finding {
  const resource = `projects/${project}/locations/europe-west1/services/${service}`;
  return {
    id: `${ruleId}:${resource}`,
    ruleId,
    severity,
    title: `title of ${ruleId}`,
    message: `${service} breaks ${ruleId}`,
    rationale: 'because',
    resource,
    resourceKind: 'service',
    project,
    location: 'europe-west1',
    evidence: [],
    remediation: { gcloud: 'gcloud …', terraform: 'resource …' },
  };
}

const waiver = {
  justification: 'Called by the mobile app until the LB migration (SHOP-123).',
  owner: 'shop-team@example.com',
  expires: '2099-12-31',
  rule: 'CR-05',
  resource: 'projects/shop/**',
};

const findings = [
  aFinding('CR-05', 'medium', 'orders'),
  aFinding('CR-01', 'critical', 'storefront'),
  aFinding('CR-11', 'medium', 'billing', 'billing'),
  aFinding('CR-14', 'low', 'orders'),
  aFinding('CR-02', 'critical', 'admin'),
  { ...aFinding('CR-05', 'medium', 'cart'), waiver },
  { ...aFinding('CR-05', 'medium', 'legacy'), expiredWaiver: { ...waiver, expires: '2020-01-31' } },
];
const active = findings.slice(0, 5);

describe('parseSort / formatSort', () => {
  it.each([
    [undefined, { key: 'severity', descending: false }],
    ['rule', { key: 'rule', descending: false }],
    ['-resource', { key: 'resource', descending: true }],
    ['bogus', { key: 'severity', descending: false }],
    ['-', { key: 'severity', descending: false }],
  ])('parses %s', (value, expected) => {
    expect(parseSort(value)).toEqual(expected);
  });

  it('leaves the default sort out of the URL and round-trips the others', () => {
    expect(formatSort(parseSort(undefined))).toBeUndefined();
    expect(formatSort(parseSort('-severity'))).toBe('-severity');
    expect(formatSort(parseSort('title'))).toBe('title');
  });

  it('flips the current column and starts a new one ascending', () => {
    expect(toggleSort({ key: 'rule', descending: false }, 'rule')).toEqual({ key: 'rule', descending: true });
    expect(toggleSort({ key: 'rule', descending: true }, 'title')).toEqual({
      key: 'title',
      descending: false,
    });
  });
});

describe('sortFindings', () => {
  it('puts critical first by default, ties by resource name', () => {
    expect(sortFindings(active, parseSort(undefined)).map((f) => f.ruleId)).toEqual([
      'CR-02',
      'CR-01',
      'CR-11',
      'CR-05',
      'CR-14',
    ]);
  });

  it('sorts rules numerically and descending on request', () => {
    expect(sortFindings(active, parseSort('-rule')).map((f) => f.ruleId)).toEqual([
      'CR-14',
      'CR-11',
      'CR-05',
      'CR-02',
      'CR-01',
    ]);
  });

  it('does not mutate its input', () => {
    const copy = [...findings];
    sortFindings(findings, parseSort('rule'));
    expect(findings).toEqual(copy);
  });
});

describe('filterFindings', () => {
  it('filters by rule, project and severity, ignoring unknown severities', () => {
    expect(filterFindings(active, { rule: 'CR-05' })).toHaveLength(1);
    expect(filterFindings(active, { project: 'billing' }).map((f) => f.ruleId)).toEqual(['CR-11']);
    expect(filterFindings(active, { severity: 'critical' })).toHaveLength(2);
    expect(filterFindings(active, { severity: 'nonsense' })).toHaveLength(5);
  });

  it('filters by status: an expired waiver counts as open, unknown statuses show both', () => {
    expect(filterFindings(findings, { status: 'waived' }).map((f) => f.resource)).toEqual([
      'projects/shop/locations/europe-west1/services/cart',
    ]);
    expect(filterFindings(findings, { status: 'open' })).toHaveLength(6);
    expect(filterFindings(findings, { status: 'bogus' })).toHaveLength(7);
    expect(findingStatus(findings[6] as Finding)).toBe('open');
  });

  it('says whether anything is filtered', () => {
    expect(isFiltered({ sort: 'rule', finding: 'x' })).toBe(false);
    expect(isFiltered({ status: 'waived' })).toBe(true);
    expect(isFiltered({ severity: 'bogus' })).toBe(false);
  });

  it('counts by severity', () => {
    expect(countBySeverity(active)).toEqual({ critical: 2, high: 0, medium: 2, low: 1, info: 0 });
  });
});

describe('severityMatrix', () => {
  it('counts by project and severity, under the rule and status filters only', () => {
    const matrix = severityMatrix(findings, { status: 'open', project: 'billing', severity: 'low' });
    expect(matrix.projects).toEqual(['billing', 'shop']);
    expect(matrix.byProject.shop).toEqual({ critical: 2, high: 0, medium: 2, low: 1, info: 0 });
    expect(matrix.byProject.billing).toEqual({ critical: 0, high: 0, medium: 1, low: 0, info: 0 });
    expect(matrix.bySeverity.medium).toBe(3);
    expect(matrix.total).toBe(6);
  });

  it('is empty without findings', () => {
    expect(severityMatrix([], {})).toEqual({
      projects: [],
      byProject: {},
      bySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
      total: 0,
    });
    expect(severityMatrix(findings, { rule: 'CR-05', status: 'waived' }).total).toBe(1);
  });
});
