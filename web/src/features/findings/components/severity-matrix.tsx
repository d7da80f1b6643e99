import { type Severity, severities } from '../../../../../shared/model.ts';
import { AppLink } from '../../../components/app-link.tsx';
import { SafeText } from '../../../components/safe-text.tsx';
import { severityLabel } from '../../../lib/verdict.ts';
import {
  type FindingsParams,
  parseSeverity,
  parseStatus,
  type SeverityMatrix,
} from '../utils/findings-query.ts';

const scopeLabel = { open: 'open findings', waived: 'waived findings' } as const;

/**
 * Counts by project and severity; every non-zero cell, row and column heading is a link that sets
 * the project and severity filters (keeping the rule and status ones).
 */
export function SeverityMatrixCard({
  matrix,
  params,
  hrefFor,
}: {
  matrix: SeverityMatrix;
  params: FindingsParams;
  hrefFor: (params: FindingsParams) => string;
}) {
  const status = parseStatus(params.status);
  const severity = parseSeverity(params.severity);
  const cell = (project: string | undefined, sev: Severity | undefined, count: number, label: string) => {
    if (count === 0) return <span className="sev-matrix__zero">0</span>;
    const current = params.project === project && severity === sev;
    return (
      <AppLink
        to={hrefFor({ ...params, project, severity: sev, finding: undefined })}
        current={current}
        className={`sev-matrix__link${sev ? ` sev-matrix__link--${sev}` : ''}`}
      >
        <span aria-hidden="true">{count}</span>
        <span className="visually-hidden">{label}</span>
      </AppLink>
    );
  };
  const describe = (count: number, sev: Severity | undefined, project: string | undefined) =>
    `${count} ${sev ?? ''} finding${count === 1 ? '' : 's'}${project ? ` in ${project}` : ''}`.replace(
      /\s+/g,
      ' ',
    );

  return (
    <section className="card sev-matrix" aria-labelledby="sev-matrix-title">
      <h2 id="sev-matrix-title" className="sev-matrix__title">
        By project and severity{' '}
        <span className="muted">
          ({status ? scopeLabel[status] : 'open and waived'}
          {params.rule ? `, rule ${params.rule}` : ''})
        </span>
      </h2>
      {matrix.total === 0 ? (
        <p className="muted">No finding passes the rule and status filters.</p>
      ) : (
        <table className="sev-matrix__table">
          <thead>
            <tr>
              <th scope="col">Project</th>
              {severities.map((sev) => (
                <th key={sev} scope="col" className={`sev-text--${sev}`}>
                  {severityLabel[sev]}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {matrix.projects.map((project) => {
              const counts = matrix.byProject[project];
              if (!counts) return null;
              const total = severities.reduce((sum, sev) => sum + counts[sev], 0);
              return (
                <tr key={project} data-project={project}>
                  <th scope="row">
                    <SafeText text={project} max={60} expandable={false} />
                  </th>
                  {severities.map((sev) => (
                    <td key={sev} data-severity={sev}>
                      {cell(project, sev, counts[sev], describe(counts[sev], sev, project))}
                    </td>
                  ))}
                  <td className="sev-matrix__total">
                    {cell(project, undefined, total, describe(total, undefined, project))}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All projects</th>
              {severities.map((sev) => (
                <td key={sev} data-severity={sev}>
                  {cell(
                    undefined,
                    sev,
                    matrix.bySeverity[sev],
                    describe(matrix.bySeverity[sev], sev, undefined),
                  )}
                </td>
              ))}
              <td className="sev-matrix__total">
                {cell(undefined, undefined, matrix.total, describe(matrix.total, undefined, undefined))}
              </td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
