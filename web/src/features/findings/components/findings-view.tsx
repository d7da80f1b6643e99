import { type KeyboardEvent, useMemo, useState } from 'react';
import { type Finding, severities } from '../../../../../shared/model.ts';
import { SeverityChip } from '../../../components/severity-chip.tsx';
import { ErrorState, LoadingState } from '../../../components/states.tsx';
import { errorMessage, errorTitle } from '../../../lib/api-client.ts';
import { shortName } from '../../../lib/resource-name.ts';
import { severityLabel } from '../../../lib/verdict.ts';
import { useFindings } from '../api/get-findings.ts';
import {
  countBySeverity,
  distinct,
  type FindingsParams,
  filterFindings,
  formatSort,
  parseSeverity,
  parseSort,
  type SortKey,
  sortFindings,
  toggleSort,
} from '../utils/findings-query.ts';

/** Rows rendered at first; thousands of rows stay one click away without slowing the page. */
const PAGE = 500;

const columns: { key: SortKey; label: string }[] = [
  { key: 'severity', label: 'Severity' },
  { key: 'rule', label: 'Rule' },
  { key: 'title', label: 'Title' },
  { key: 'resource', label: 'Resource' },
  { key: 'message', label: 'Message' },
];

export type FindingsViewProps = {
  params: FindingsParams;
  onParamsChange: (params: FindingsParams) => void;
  /** Show the finding's resource on the map. */
  onOpen: (resource: string) => void;
};

export function FindingsView({ params, onParamsChange, onOpen }: FindingsViewProps) {
  const query = useFindings();
  const [limit, setLimit] = useState(PAGE);
  const sort = parseSort(params.sort);
  const all = query.data?.findings;
  const rows = useMemo(
    () => (all ? sortFindings(filterFindings(all, params), sort) : []),
    [all, params, sort],
  );
  const rules = useMemo(() => (all ? distinct(all, (finding) => finding.ruleId) : []), [all]);
  const projects = useMemo(() => (all ? distinct(all, (finding) => finding.project) : []), [all]);

  if (query.isPending) return <LoadingState label="Loading findings…" />;
  if (query.isError)
    return (
      <ErrorState
        title={errorTitle(query.error)}
        message={errorMessage(query.error)}
        onRetry={() => void query.refetch()}
      />
    );

  const counts = countBySeverity(rows);
  const filtered = Boolean(params.rule || params.project || parseSeverity(params.severity));
  const update = (patch: Partial<FindingsParams>) => onParamsChange({ ...params, ...patch });
  const rowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, finding: Finding) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(finding.resource);
    }
  };

  return (
    <div className="findings">
      <div className="findings__toolbar">
        <h1 className="findings__title">Findings</h1>
        <label className="field">
          <span>Rule</span>
          <select
            value={params.rule ?? ''}
            onChange={(event) => update({ rule: event.target.value || undefined })}
          >
            <option value="">All rules</option>
            {rules.map((rule) => (
              <option key={rule} value={rule}>
                {rule}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Project</span>
          <select
            value={params.project ?? ''}
            onChange={(event) => update({ project: event.target.value || undefined })}
          >
            <option value="">All projects</option>
            {projects.map((project) => (
              <option key={project} value={project}>
                {project}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Severity</span>
          <select
            value={parseSeverity(params.severity) ?? ''}
            onChange={(event) => update({ severity: event.target.value || undefined })}
          >
            <option value="">All severities</option>
            {severities.map((severity) => (
              <option key={severity} value={severity}>
                {severityLabel[severity]}
              </option>
            ))}
          </select>
        </label>
        {filtered ? (
          <button type="button" className="button" onClick={() => onParamsChange({ sort: params.sort })}>
            Clear filters
          </button>
        ) : null}
      </div>

      <p className="findings__summary" aria-live="polite">
        <strong>
          {rows.length} finding{rows.length === 1 ? '' : 's'}
        </strong>
        {filtered ? ` of ${all?.length ?? 0}` : ''}
        {severities
          .filter((severity) => counts[severity] > 0)
          .map((severity) => (
            <span key={severity} className={`summary-count sev-text--${severity}`}>
              {counts[severity]} {severity}
            </span>
          ))}
      </p>

      {rows.length === 0 ? (
        <div className="card empty-note">
          {filtered
            ? 'No finding matches these filters.'
            : 'No findings: every rule passes on this snapshot.'}
        </div>
      ) : (
        <div className="table-wrap card">
          <table className="data-table">
            <thead>
              <tr>
                {columns.map((column) => {
                  const active = sort.key === column.key;
                  return (
                    <th
                      key={column.key}
                      scope="col"
                      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                      className={`col-${column.key}`}
                    >
                      <button
                        type="button"
                        className="sort-button"
                        onClick={() => update({ sort: formatSort(toggleSort(sort, column.key)) })}
                      >
                        {column.label}
                        <span className="sort-button__arrow" aria-hidden="true">
                          {active ? (sort.descending ? '▼' : '▲') : '↕'}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, limit).map((finding) => (
                <tr
                  key={finding.id}
                  data-finding-id={finding.id}
                  tabIndex={0}
                  className="clickable-row"
                  onClick={() => onOpen(finding.resource)}
                  onKeyDown={(event) => rowKeyDown(event, finding)}
                  title={`Show ${shortName(finding.resource)} on the map`}
                >
                  <td>
                    <SeverityChip severity={finding.severity} />
                  </td>
                  <td className="mono nowrap">{finding.ruleId}</td>
                  <td>{finding.title}</td>
                  <td>
                    <span className="resource-name">{shortName(finding.resource)}</span>
                    <span className="resource-where">
                      {finding.resourceKind === 'job' ? 'job · ' : ''}
                      {finding.project} · {finding.location}
                    </span>
                  </td>
                  <td className="message">{finding.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > limit ? (
            <div className="table-more">
              <button type="button" className="button" onClick={() => setLimit(rows.length)}>
                Show all {rows.length} findings
              </button>
            </div>
          ) : null}
        </div>
      )}
    </div>
  );
}
