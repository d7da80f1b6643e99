import { pathToFileURL } from 'node:url';
import type { AuditReport } from '../../shared/audit.ts';
import type { Finding, Note, Severity } from '../../shared/model.ts';
import type { Rule } from '../core/rules/rule.ts';

/** The final OASIS schema; the SARIF validator insists on it (SARIF1011). */
const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://github.com/runmap/runmap';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** GitHub code scanning ranks security results by this property (0–10). */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

type RuleInfo = Pick<Rule, 'id' | 'title' | 'severity' | 'description' | 'rationale'>;

function artifactUri(file: string): string {
  return file.startsWith('/') ? pathToFileURL(file).href : encodeURI(file.replaceAll('\\', '/'));
}

function descriptor(rule: RuleInfo, example: Finding | undefined) {
  const remediation = example
    ? `Remediation (example for ${example.resource}):\n\n${example.remediation.gcloud}\n\n${example.remediation.terraform}`
    : 'Remediation: each result carries a gcloud command and a Terraform snippet for its resource (properties.remediation).';
  const remediationMarkdown = example
    ? `**Remediation** (example for \`${example.resource}\`):\n\n\`\`\`sh\n${example.remediation.gcloud}\n\`\`\`\n\n\`\`\`hcl\n${example.remediation.terraform}\n\`\`\``
    : '**Remediation**: each result carries a gcloud command and a Terraform snippet for its resource (`properties.remediation`).';
  return {
    id: rule.id,
    name: rule.title.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')),
    shortDescription: { text: `${rule.title}.` },
    fullDescription: { text: rule.description },
    help: {
      text: `${rule.rationale}\n\n${remediation}`,
      markdown: `${rule.rationale}\n\n${remediationMarkdown}`,
    },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: ['security', 'cloud-run'], 'security-severity': SECURITY_SEVERITY[rule.severity] },
  };
}

function notification(note: Note, policyUri: string | undefined) {
  return {
    level: note.level === 'warning' ? 'warning' : 'note',
    message: { text: note.message },
    descriptor: { id: `runmap/${note.code}` },
    ...(note.line !== undefined && policyUri
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: policyUri },
                region: {
                  startLine: note.line,
                  ...(note.column !== undefined ? { startColumn: note.column } : {}),
                },
              },
            },
          ],
        }
      : {}),
  };
}

/**
 * `runmap audit --format sarif`: SARIF 2.1.0 with one reporting descriptor per rule (rationale and
 * remediation as help), one result per finding located at its resource (a logical location),
 * waived findings as accepted external suppressions, and notes and failed calls as notifications.
 */
export function formatSarif(report: AuditReport, rules: readonly RuleInfo[], version: string): string {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const policyUri = report.policy ? artifactUri(report.policy) : undefined;
  const results = report.findings.map((f) => ({
    ruleId: f.ruleId,
    ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        logicalLocations: [
          {
            name: f.resource.split('/').pop() ?? f.resource,
            fullyQualifiedName: f.resource,
            kind: 'resource',
          },
        ],
      },
    ],
    partialFingerprints: { 'runmapFindingId/v1': f.id },
    ...(f.waiver
      ? {
          suppressions: [
            {
              kind: 'external',
              status: 'accepted',
              justification: `${f.waiver.justification} (owner ${f.waiver.owner}, expires ${f.waiver.expires})`,
            },
          ],
        }
      : {}),
    properties: {
      severity: f.severity,
      project: f.project,
      location: f.location,
      resourceKind: f.resourceKind,
      evidence: f.evidence,
      remediation: f.remediation,
      ...(f.expiredWaiver ? { expiredWaiver: f.expiredWaiver } : {}),
    },
  }));
  const notifications = [
    ...report.notes.map((n) => notification(n, policyUri)),
    ...report.failures.map((f) => ({
      level: 'warning',
      message: {
        text: `${f.project}: ${f.call}${f.target ? ` ${f.target}` : ''} failed with ${f.code}: ${f.message}. The audit of what it covers is incomplete.`,
      },
      descriptor: { id: `runmap/${f.code}` },
    })),
  ];
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'runmap',
            version,
            semanticVersion: version,
            informationUri: INFORMATION_URI,
            rules: rules.map((r) =>
              descriptor(
                r,
                report.findings.find((f) => f.ruleId === r.id),
              ),
            ),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        ...(policyUri ? { artifacts: [{ location: { uri: policyUri }, roles: ['policy'] }] } : {}),
        results,
        properties: { snapshotAt: report.snapshotAt, summary: report.summary },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
