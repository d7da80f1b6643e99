import { Fragment, type KeyboardEvent, useEffect, useMemo, useState } from 'react';
import type { Note } from '../../../../../shared/model.ts';
import { type Finding, severities } from '../../../../../shared/model.ts';
import { DownloadLink } from '../../../components/download-link.tsx';
import { SafeText } from '../../../components/safe-text.tsx';
import { SeverityChip } from '../../../components/severity-chip.tsx';
import { ErrorState, LoadingState } from '../../../components/states.tsx';
import { errorMessage, errorTitle } from '../../../lib/api-client.ts';
import { shortName } from '../../../lib/resource-name.ts';
import { severityLabel } from '../../../lib/verdict.ts';
import { findingsExportUrls, useAudit } from '../api/get-audit.ts';
import {
  countBySeverity,
  distinct,
  type FindingsParams,
  filterFindings,
  formatSort,
  isFiltered,
  parseSeverity,
  parseSort,
  parseStatus,
  type SortKey,
  severityMatrix,
  sortFindings,
  toggleSort,
} from '../utils/findings-query.ts';
import { FindingDetail } from './finding-detail.tsx';
import { SeverityMatrixCard } from './severity-matrix.tsx';
import './findings.css';

/** Rows rendered at first; thousands of rows stay one click away without slowing the page. */
const PAGE = 500;
/** Characters of a message shown in its row; the detail shows all of it. */
const MESSAGE_MAX = 180;

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
  /** The in-app URL of the findings view with these parameters (matrix cells are links). */
  hrefFor: (params: FindingsParams) => string;
  /** Show the finding's resource on the map. */
  onOpen: (resource: string) => void;
  /** The URL of the map focused on a resource. */
  mapHref: (resource: string) => string;
};

export function FindingsView({ params, onParamsChange, hrefFor, onOpen, mapHref }: FindingsViewProps) {
  const query = useAudit();
  const [limit, setLimit] = useState(PAGE);
  const sort = parseSort(params.sort);
  const all = query.data?.findings;
  const rows = useMemo(
    () => (all ? sortFindings(filterFindings(all, params), sort) : []),
    [all, params, sort],
  );
  const matrix = useMemo(() => (all ? severityMatrix(all, params) : null), [all, params]);
  const rules = useMemo(() => (all ? distinct(all, (finding) => finding.ruleId) : []), [all]);
  const projects = useMemo(() => (all ? distinct(all, (finding) => finding.project) : []), [all]);

  // A deep link to one finding: make sure its row is rendered, then bring its detail into view.
  const openIndex = params.finding ? rows.findIndex((finding) => finding.id === params.finding) : -1;
  useEffect(() => {
    if (openIndex >= limit) setLimit(openIndex + 1);
  }, [openIndex, limit]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the data first arrives.
  useEffect(() => {
    if (!params.finding || !all) return;
    document
      .querySelector(`[data-finding-id="${CSS.escape(params.finding)}"]`)
      ?.scrollIntoView({ block: 'center' });
  }, [all]);

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
  const waivedCount = rows.filter((finding) => finding.waiver).length;
  const filtered = isFiltered(params);
  const update = (patch: Partial<FindingsParams>) => onParamsChange({ ...params, ...patch });
  const toggle = (finding: Finding) =>
    update({ finding: params.finding === finding.id ? undefined : finding.id });
  const rowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, finding: Finding) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(finding.resource);
    } else if (event.key === ' ') {
      event.preventDefault();
      toggle(finding);
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
            onChange={(event) => update({ rule: event.target.value || undefined, finding: undefined })}
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
            onChange={(event) => update({ project: event.target.value || undefined, finding: undefined })}
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
            onChange={(event) => update({ severity: event.target.value || undefined, finding: undefined })}
          >
            <option value="">All severities</option>
            {severities.map((severity) => (
              <option key={severity} value={severity}>
                {severityLabel[severity]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Status</span>
          <select
            value={parseStatus(params.status) ?? ''}
            onChange={(event) => update({ status: event.target.value || undefined, finding: undefined })}
          >
            <option value="">Open and waived</option>
            <option value="open">Open</option>
            <option value="waived">Waived</option>
          </select>
        </label>
        {filtered ? (
          <button type="button" className="button" onClick={() => onParamsChange({ sort: params.sort })}>
            Clear filters
          </button>
        ) : null}
        <div className="findings__export">
          <span className="muted small">Export all findings</span>
          <DownloadLink href={findingsExportUrls.csv} testId="findings-csv">
            CSV
          </DownloadLink>
          <DownloadLink href={findingsExportUrls.json} testId="findings-json">
            JSON
          </DownloadLink>
        </div>
      </div>

      {matrix && all && all.length > 0 ? (
        <SeverityMatrixCard matrix={matrix} params={params} hrefFor={hrefFor} />
      ) : null}

      {query.data.notes.length > 0 ? (
        <AuditNotes notes={query.data.notes} policy={query.data.policy} />
      ) : null}

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
        {waivedCount > 0 ? <span className="summary-count muted">{waivedCount} waived</span> : null}
      </p>

      {rows.length === 0 ? (
        <div className="card empty-note">
          {filtered
            ? 'No finding matches these filters.'
            : 'No findings: every rule passes on this snapshot.'}
        </div>
      ) : (
        <div className="table-wrap card">
          <table className="data-table findings-table">
            <thead>
              <tr>
                <th scope="col" className="col-toggle">
                  <span className="visually-hidden">Details</span>
                </th>
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
              {rows.slice(0, limit).map((finding, index) => {
                const open = params.finding === finding.id;
                const detailId = `finding-detail-${index}`;
                const short = shortName(finding.resource);
                const classes = [
                  'clickable-row',
                  finding.waiver ? 'row--waived' : '',
                  open ? 'row--open' : '',
                ].filter(Boolean);
                return (
                  <Fragment key={finding.id}>
                    <tr
                      data-finding-id={finding.id}
                      tabIndex={0}
                      className={classes.join(' ')}
                      onClick={() => onOpen(finding.resource)}
                      onKeyDown={(event) => rowKeyDown(event, finding)}
                      title={`Show ${short} on the map (Enter); Space shows the details`}
                    >
                      <td className="col-toggle">
                        <button
                          type="button"
                          className="row-toggle"
                          aria-expanded={open}
                          aria-controls={open ? detailId : undefined}
                          aria-label={`Details of ${finding.ruleId} on ${short}`}
                          onClick={(event) => {
                            event.stopPropagation();
                            toggle(finding);
                          }}
                          onKeyDown={(event) => event.stopPropagation()}
                        >
                          <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                        </button>
                      </td>
                      <td>
                        <SeverityChip severity={finding.severity} />
                        {finding.waiver ? (
                          <span className="chip chip--waived">Waived</span>
                        ) : finding.expiredWaiver ? (
                          <span className="chip chip--expired">Waiver expired</span>
                        ) : null}
                      </td>
                      <td className="mono nowrap">{finding.ruleId}</td>
                      <td>
                        <SafeText text={finding.title} max={160} expandable={false} />
                      </td>
                      <td>
                        <span className="resource-name">
                          <SafeText text={short} max={80} expandable={false} />
                        </span>
                        <span className="resource-where">
                          {finding.resourceKind === 'job' ? 'job · ' : ''}
                          <SafeText text={finding.project} max={60} expandable={false} /> ·{' '}
                          <SafeText text={finding.location} max={40} expandable={false} />
                        </span>
                      </td>
                      <td className="message">
                        <SafeText text={finding.message} max={MESSAGE_MAX} expandable={false} />
                      </td>
                    </tr>
                    {open ? (
                      <tr className="finding-detail-row" id={detailId}>
                        <td colSpan={columns.length + 1}>
                          <FindingDetail finding={finding} mapHref={mapHref} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
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

/** Expired or unused waivers, roles runmap cannot interpret: what the reviewer should know besides findings. */
function AuditNotes({ notes, policy }: { notes: Note[]; policy: string | null }) {
  const warnings = notes.filter((note) => note.level === 'warning').length;
  return (
    <details className="card audit-notes">
      <summary>
        {notes.length} audit note{notes.length === 1 ? '' : 's'}
        {warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}
        {policy ? (
          <span className="muted">
            {' '}
            · policy <SafeText text={policy} max={80} expandable={false} />
          </span>
        ) : null}
      </summary>
      <ul>
        {notes.map((note, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: notes have no id and keep their order.
          <li key={index} className={`audit-note audit-note--${note.level}`}>
            <span className={`chip ${note.level === 'warning' ? 'chip--expired' : 'chip--muted'}`}>
              {note.code}
            </span>{' '}
            <SafeText text={note.message} />
            {note.line ? (
              <span className="muted small">
                {' '}
                (line {note.line}
                {note.column ? `, column ${note.column}` : ''})
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
