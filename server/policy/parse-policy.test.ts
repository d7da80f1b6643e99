import { describe, expect, it } from 'vitest';
import { PolicyError, parsePolicy } from './parse-policy.ts';

const good = `# runmap policy
publicServices:
  - projects/shop-prod/locations/*/services/frontend
  - oncall-bot
allowedInvokers:
  domains: [example.com]
  projects: [shop-prod]
waivers:
  - rule: CR-05
    resource: cart
    justification: Mobile clients call cart directly until SHOP-123.
    owner: shop@example.com
    expires: 2027-03-31
  - rule: "*"
    resource: projects/legacy/**
    justification: Legacy estate, decommissioned in Q1.
    owner: platform@example.com
    expires: 2026-01-31
`;

function refusal(text: string): string {
  try {
    parsePolicy(text, 'p.yaml');
  } catch (error) {
    if (error instanceof PolicyError) return error.message;
    throw error;
  }
  throw new Error('the policy was accepted');
}

describe('parsePolicy', () => {
  it('reads a policy with the line of each waiver', () => {
    const policy = parsePolicy(good, 'runmap.policy.yaml');
    expect(policy.publicServices).toEqual(['projects/shop-prod/locations/*/services/frontend', 'oncall-bot']);
    expect(policy.allowedInvokers).toEqual({ domains: ['example.com'], projects: ['shop-prod'] });
    expect(policy.waivers.map((w) => [w.rule, w.expires])).toEqual([
      ['CR-05', '2027-03-31'],
      ['*', '2026-01-31'],
    ]);
    expect(policy.waiverLines).toEqual([9, 14]);
    expect(policy.source).toBe('runmap.policy.yaml');
  });

  it('reads an empty file as the empty policy', () => {
    expect(parsePolicy('# nothing yet\n')).toMatchObject({ publicServices: [], waivers: [] });
  });

  it.each<[string, string, string]>([
    ['refuses YAML syntax errors', 'waivers:\n  - rule: CR-05\n   resource: x\n', /^p\.yaml:3:\d+: /.source],
    [
      'refuses duplicate keys',
      'publicServices: []\npublicServices: []\n',
      /^p\.yaml:2:1: .*[Mm]ap keys must be unique/.source,
    ],
    [
      'refuses an unknown top-level key',
      'publicServices: []\nwaviers: []\n',
      /^p\.yaml:2:1: unknown key "waviers"/.source,
    ],
    [
      'refuses a missing waiver field',
      'waivers:\n  - rule: CR-05\n    resource: x\n    owner: me\n    expires: 2027-01-01\n',
      /^p\.yaml:2:5: waivers\[0\]\.justification: missing/.source,
    ],
    [
      'refuses a malformed expiry date',
      'waivers:\n  - rule: CR-05\n    resource: x\n    justification: y\n    owner: me\n    expires: next week\n',
      /^p\.yaml:6:14: waivers\[0\]\.expires: must be a date written YYYY-MM-DD/.source,
    ],
    [
      'refuses an impossible date',
      'waivers:\n  - rule: CR-05\n    resource: x\n    justification: y\n    owner: me\n    expires: 2027-02-30\n',
      /^p\.yaml:6:14: waivers\[0\]\.expires: is not a calendar date/.source,
    ],
    [
      'refuses a rule that is no rule id',
      'waivers:\n  - rule: ingress\n    resource: x\n    justification: y\n    owner: me\n    expires: 2027-01-01\n',
      /^p\.yaml:2:11: waivers\[0\]\.rule: must be a rule id/.source,
    ],
    [
      'refuses a list where a map belongs',
      'allowedInvokers:\n  - example.com\n',
      /^p\.yaml:2:3: allowedInvokers: /.source,
    ],
    [
      'refuses a number where a pattern belongs',
      'publicServices:\n  - 42\n',
      /^p\.yaml:2:5: publicServices\[0\]: /.source,
    ],
    ['refuses a document that is not a map', '- a\n- b\n', /^p\.yaml:1:1: the file: /.source],
  ])('%s', (_name, text, expected) => {
    expect(refusal(text)).toMatch(new RegExp(expected));
  });
});
