import { describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../../../../shared/model.ts';
import {
  countBySeverity,
  filterFindings,
  formatSort,
  parseSort,
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

const findings = [
  aFinding('CR-05', 'medium', 'orders'),
  aFinding('CR-01', 'critical', 'storefront'),
  aFinding('CR-11', 'medium', 'billing', 'billing'),
  aFinding('CR-14', 'low', 'orders'),
  aFinding('CR-02', 'critical', 'admin'),
];

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
    expect(sortFindings(findings, parseSort(undefined)).map((f) => f.ruleId)).toEqual([
      'CR-02',
      'CR-01',
      'CR-11',
      'CR-05',
      'CR-14',
    ]);
  });

  it('sorts rules numerically and descending on request', () => {
    expect(sortFindings(findings, parseSort('-rule')).map((f) => f.ruleId)).toEqual([
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
    expect(filterFindings(findings, { rule: 'CR-05' })).toHaveLength(1);
    expect(filterFindings(findings, { project: 'billing' }).map((f) => f.ruleId)).toEqual(['CR-11']);
    expect(filterFindings(findings, { severity: 'critical' })).toHaveLength(2);
    expect(filterFindings(findings, { severity: 'nonsense' })).toHaveLength(5);
  });

  it('counts by severity', () => {
    expect(countBySeverity(findings)).toEqual({ critical: 2, high: 0, medium: 2, low: 1, info: 0 });
  });
});
