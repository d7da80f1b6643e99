import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../../shared/audit.ts';
import { analyze } from '../core/analyze.ts';
import { auditReport } from '../core/audit-report.ts';
import { aBinding, anInventory, aPolicy, aService } from '../core/testing/builders.ts';
import { formatMarkdown, markdownCell } from './format-markdown.ts';

describe('markdownCell', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['<script>alert(1)</script>', '&lt;script\\>alert(1)&lt;/script\\>'],
    ['[click](javascript:x)', '\\[click\\](javascript:x)'],
    ['@org/team', '&#64;org/team'],
    ['line\nbreak', 'line break'],
    ['`code` *bold* _em_', '\\`code\\` \\*bold\\* \\_em\\_'],
  ])('escapes %j', (input, expected) => {
    expect(markdownCell(input)).toBe(expected);
  });
});

describe('formatMarkdown', () => {
  const report: AuditReport = auditReport(
    analyze(
      anInventory({
        workloads: [
          aService({
            shortName: 'evil|name',
            ingress: 'INGRESS_TRAFFIC_ALL',
            iamPolicy: aPolicy(aBinding('roles/run.invoker', 'allUsers')),
          }),
        ],
      }),
      {
        publicServices: [],
        allowedInvokers: { domains: [], projects: [] },
        waivers: [
          {
            rule: 'CR-05',
            resource: '*',
            justification: 'ok | fine',
            owner: '@someone',
            expires: '2099-01-01',
          },
        ],
      },
    ),
  );
  const text = formatMarkdown(report);

  it('flags counts by severity with open and waived columns', () => {
    expect(text).toContain('| 🟥 critical | 1 | 0 |');
    expect(text).toContain('| 🟨 medium | 0 | 1 |');
  });

  it('keeps every table row to its columns whatever the names hold', () => {
    const rows = text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'));
    for (const row of rows) {
      const cells = row.replaceAll('\\|', '').split('|').length - 2;
      expect([3, 4, 6]).toContain(cells);
    }
    expect(text).toContain('evil\\|name');
    expect(text).toContain(
      'ok \\| fine | &#64;someone | 2099\\-01\\-01'.replace('\\-', '-').replace('\\-', '-'),
    );
  });
});
