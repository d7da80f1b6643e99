import {
  type Finding,
  type Severity,
  type SeverityCounts,
  severitySchema,
} from '../../../../../shared/model.ts';
import { shortName } from '../../../lib/resource-name.ts';
import { severityRank } from '../../../lib/verdict.ts';

/** The findings view's URL parameters, as strings (absent = no filter, default sort). */
export type FindingsParams = {
  rule?: string | undefined;
  project?: string | undefined;
  severity?: string | undefined;
  /** `open` or `waived`; absent = both (waived findings are never hidden by default). */
  status?: string | undefined;
  sort?: string | undefined;
  /** Id of the finding whose detail is open. */
  finding?: string | undefined;
};

const emptyCounts = (): SeverityCounts => ({ critical: 0, high: 0, medium: 0, low: 0, info: 0 });

export const findingStatuses = ['open', 'waived'] as const;
export type FindingStatus = (typeof findingStatuses)[number];

/** A finding is waived while a waiver applies; one whose waiver expired is open again. */
export const findingStatus = (finding: Finding): FindingStatus => (finding.waiver ? 'waived' : 'open');

export function parseStatus(value: string | undefined): FindingStatus | undefined {
  return (findingStatuses as readonly string[]).includes(value ?? '') ? (value as FindingStatus) : undefined;
}

export const sortKeys = ['severity', 'rule', 'title', 'resource', 'message'] as const;
export type SortKey = (typeof sortKeys)[number];
export type SortSpec = { key: SortKey; descending: boolean };

export const defaultSort: SortSpec = { key: 'severity', descending: false };

/** `severity` (critical first, the default), `-severity`, `rule`, `-rule`, …; anything else → default. */
export function parseSort(value: string | undefined): SortSpec {
  if (!value) return defaultSort;
  const descending = value.startsWith('-');
  const key = descending ? value.slice(1) : value;
  return (sortKeys as readonly string[]).includes(key) ? { key: key as SortKey, descending } : defaultSort;
}

/** The URL form of a sort; undefined for the default so that the default URL stays clean. */
export function formatSort(spec: SortSpec): string | undefined {
  if (spec.key === defaultSort.key && spec.descending === defaultSort.descending) return undefined;
  return `${spec.descending ? '-' : ''}${spec.key}`;
}

/** Clicking a column: a new column sorts ascending, the current one flips. */
export function toggleSort(current: SortSpec, key: SortKey): SortSpec {
  return current.key === key ? { key, descending: !current.descending } : { key, descending: false };
}

export function parseSeverity(value: string | undefined): Severity | undefined {
  const parsed = severitySchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function filterFindings(findings: readonly Finding[], params: FindingsParams): Finding[] {
  const severity = parseSeverity(params.severity);
  const status = parseStatus(params.status);
  return findings.filter(
    (finding) =>
      (!params.rule || finding.ruleId === params.rule) &&
      (!params.project || finding.project === params.project) &&
      (!severity || finding.severity === severity) &&
      (!status || findingStatus(finding) === status),
  );
}

/** Whether any filter (not the sort, not the open detail) narrows the list. */
export const isFiltered = (params: FindingsParams): boolean =>
  Boolean(params.rule || params.project || parseSeverity(params.severity) || parseStatus(params.status));

/** Counts by project and severity, with totals: the matrix at the top of the findings view. */
export type SeverityMatrix = {
  projects: string[];
  byProject: Record<string, SeverityCounts>;
  bySeverity: SeverityCounts;
  total: number;
};

/**
 * The matrix of the findings that pass the rule and status filters (not the project and severity
 * ones, which its cells set), so that each cell says how many rows clicking it shows. Pure.
 */
export function severityMatrix(findings: readonly Finding[], params: FindingsParams): SeverityMatrix {
  const rows = filterFindings(findings, { rule: params.rule, status: params.status });
  const byProject: Record<string, SeverityCounts> = {};
  for (const finding of rows) {
    const counts = byProject[finding.project] ?? emptyCounts();
    counts[finding.severity] += 1;
    byProject[finding.project] = counts;
  }
  return {
    projects: Object.keys(byProject).sort(text),
    byProject,
    bySeverity: countBySeverity(rows),
    total: rows.length,
  };
}

const text = (a: string, b: string): number =>
  a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });

function compareBy(key: SortKey, a: Finding, b: Finding): number {
  switch (key) {
    case 'severity':
      return severityRank[a.severity] - severityRank[b.severity];
    case 'rule':
      return text(a.ruleId, b.ruleId);
    case 'title':
      return text(a.title, b.title);
    case 'resource':
      return text(shortName(a.resource), shortName(b.resource)) || text(a.resource, b.resource);
    case 'message':
      return text(a.message, b.message);
  }
}

/** A new sorted array; ties fall back to severity, then resource, then id, so the order is stable. */
export function sortFindings(findings: readonly Finding[], spec: SortSpec): Finding[] {
  const sign = spec.descending ? -1 : 1;
  return [...findings].sort(
    (a, b) =>
      sign * compareBy(spec.key, a, b) ||
      compareBy('severity', a, b) ||
      compareBy('resource', a, b) ||
      text(a.id, b.id),
  );
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts = emptyCounts();
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** Distinct values for the filter selects, sorted. */
export function distinct(findings: readonly Finding[], pick: (finding: Finding) => string): string[] {
  return [...new Set(findings.map(pick))].sort(text);
}
