import { type ReactNode, useEffect, useRef } from 'react';
import type { ServiceDetail } from '../../../../../shared/api.ts';
import { CopyBlock } from '../../../components/copy-block.tsx';
import { DownloadLink } from '../../../components/download-link.tsx';
import { SafeText } from '../../../components/safe-text.tsx';
import { SeverityChip } from '../../../components/severity-chip.tsx';
import { TabBar, type TabItem, tabId, tabPanelId } from '../../../components/tab-bar.tsx';
import { VerdictChip } from '../../../components/verdict-chip.tsx';
import { errorMessage, errorTitle } from '../../../lib/api-client.ts';
import { displayText } from '../../../lib/display-text.ts';
import { formatAbsolute } from '../../../lib/format-time.ts';
import { shortName } from '../../../lib/resource-name.ts';
import { safeHref } from '../../../lib/safe-href.ts';
import { severityRank } from '../../../lib/verdict.ts';
import { useService } from '../api/get-service.ts';
import { accessLabel, broadPrincipals, ingressLabel, reachLabel, splitMember } from '../utils/describe.ts';
import { ArrivalPaths } from './arrival-paths.tsx';

export type ServicePanelProps = {
  /** Full resource name of the service or job. */
  name: string;
  onClose: () => void;
  /** Move the focus to another service or job (callers, callees). */
  onFocus: (id: string) => void;
  /** Tabs composed by the app (the first is the overview); none: the overview alone, untabbed. */
  tabs?: readonly TabItem[];
  activeTab?: string;
  onTabChange?: (id: string) => void;
  /** The content of a tab other than `overview`, given the detail once it has loaded. */
  renderTab?: (id: string, detail: ServiceDetail | undefined) => ReactNode;
  /** Shown under the title, e.g. the service's health and a way to follow its failure. */
  headerExtra?: ReactNode;
};

/** Everything about one service or job; fetched when it is selected. Esc or the close button closes it. */
export function ServicePanel({
  name,
  onClose,
  onFocus,
  tabs = [],
  activeTab = 'overview',
  onTabChange,
  renderTab,
  headerExtra,
}: ServicePanelProps) {
  const service = useService(name);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  // Keyboard users land in the panel when it opens or moves to another service.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the shown service changes.
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, [name]);

  const detail = service.data;
  return (
    <aside className="panel" aria-label="Service details">
      <header className="panel__header">
        <div className="panel__title">
          <h2 ref={headingRef} tabIndex={-1}>
            <SafeText text={detail?.shortName ?? shortName(name)} max={120} />
          </h2>
          <p className="panel__subtitle">
            {detail ? (
              <>
                <span className="chip chip--muted">{detail.kind === 'job' ? 'Job' : 'Service'}</span>{' '}
                <SafeText text={detail.project} max={80} /> · <SafeText text={detail.location} max={60} />
              </>
            ) : (
              <span className="panel__fullname">
                <SafeText text={name} />
              </span>
            )}
          </p>
        </div>
        <button
          type="button"
          className="button button--icon"
          onClick={onClose}
          aria-label="Close details"
          title="Close (Esc)"
        >
          ✕
        </button>
      </header>
      {headerExtra}
      {tabs.length > 1 && onTabChange ? (
        <TabBar tabs={tabs} active={activeTab} onChange={onTabChange} label="Service views" idBase="panel" />
      ) : null}
      <div
        className="panel__body"
        {...(tabs.length > 1
          ? { role: 'tabpanel', id: tabPanelId('panel'), 'aria-labelledby': tabId('panel', activeTab) }
          : {})}
      >
        {activeTab !== 'overview' && renderTab ? (
          renderTab(activeTab, service.data)
        ) : service.isPending ? (
          <p className="muted">Loading details…</p>
        ) : service.isError ? (
          <div className="inline-error" role="alert">
            <strong>{errorTitle(service.error)}</strong>
            <p>{errorMessage(service.error)}</p>
            <button type="button" className="button" onClick={() => void service.refetch()}>
              Retry
            </button>
          </div>
        ) : (
          <ServiceDetails detail={service.data} onFocus={onFocus} />
        )}
      </div>
    </aside>
  );
}

function ServiceDetails({ detail, onFocus }: { detail: ServiceDetail; onFocus: (id: string) => void }) {
  const findings = [...detail.findings].sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
  const labels = Object.entries(detail.labels);
  return (
    <>
      <section aria-labelledby="panel-exposure">
        <h3 id="panel-exposure">Exposure</h3>
        {detail.exposure ? (
          <>
            <p>
              <VerdictChip verdict={detail.exposure.verdict} />
              {detail.exposure.declaredPublic ? <span className="muted"> declared public</span> : null}
            </p>
            <dl className="facts">
              <dt>Reach</dt>
              <dd>{reachLabel[detail.exposure.reach]}</dd>
              <dt>Access</dt>
              <dd>{accessLabel[detail.exposure.access]}</dd>
            </dl>
            {detail.exposure.reasons.length > 0 ? (
              <ul className="reasons">
                {detail.exposure.reasons.map((reason) => (
                  <li key={reason}>
                    <SafeText text={reason} />
                  </li>
                ))}
              </ul>
            ) : null}
            <h4 id="panel-arrival-paths">Ways in ({detail.arrivalPaths.length})</h4>
            <ArrivalPaths paths={detail.arrivalPaths} />
          </>
        ) : (
          <p className="muted">
            Jobs are not invocable over HTTP; they run on a schedule, by trigger or on demand.
          </p>
        )}
      </section>

      <section aria-labelledby="panel-invokers">
        <h3 id="panel-invokers">Who may invoke it</h3>
        {!detail.iamPolicyKnown ? (
          <p className="note note--warning">
            The IAM policy could not be read: this list only shows grants on the project and may be
            incomplete.
          </p>
        ) : null}
        {detail.invokers.length === 0 ? (
          <p className="muted">No principal holds an invoker role.</p>
        ) : (
          <table className="mini-table mini-table--invokers">
            <colgroup>
              <col />
              <col />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Role</th>
                <th scope="col">Granted on</th>
              </tr>
            </thead>
            <tbody>
              {detail.invokers.map((invoker) => {
                const broad = broadPrincipals[invoker.member];
                const { type, id } = splitMember(invoker.member);
                return (
                  <tr
                    key={`${invoker.member}|${invoker.role}|${invoker.grantedOn}`}
                    className={broad ? 'row--broad' : undefined}
                  >
                    <td className="break">
                      {broad ? (
                        <>
                          <strong>
                            <SafeText text={invoker.member} />
                          </strong>{' '}
                          <span className="chip chip--danger">{broad}</span>
                        </>
                      ) : (
                        <>
                          {type ? (
                            <span className="muted">
                              <SafeText text={type} max={40} />:
                            </span>
                          ) : null}
                          <SafeText text={id} />
                        </>
                      )}
                    </td>
                    <td className="break small">
                      <SafeText text={invoker.role} max={120} />
                    </td>
                    <td>{invoker.grantedOn === 'resource' ? detail.kind : 'project'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <p className="panel__export">
          <DownloadLink
            href={`/api/services/${encodeURIComponent(detail.name)}/invokers.csv`}
            small
            testId="invokers-csv"
          >
            Export invokers (CSV)
          </DownloadLink>
        </p>
      </section>

      <section aria-labelledby="panel-runtime">
        <h3 id="panel-runtime">Runtime and ingress</h3>
        <dl className="facts">
          <dt>Runs as</dt>
          <dd className="break">
            {detail.serviceAccount ? (
              <SafeText text={detail.serviceAccount} />
            ) : (
              <em>default compute service account (unset)</em>
            )}
          </dd>
          {detail.kind === 'service' ? (
            <>
              <dt>Ingress</dt>
              <dd>{detail.ingress ? ingressLabel[detail.ingress] : 'Unknown'}</dd>
              <dt>Invoker IAM check</dt>
              <dd>
                {detail.invokerIamDisabled ? <strong className="text-danger">Disabled</strong> : 'Enabled'}
              </dd>
              <dt>Default URL</dt>
              <dd>{detail.defaultUriDisabled ? 'Disabled' : 'Enabled'}</dd>
              <dt>IAP</dt>
              <dd>{detail.iapEnabled ? 'Enabled' : 'Off'}</dd>
            </>
          ) : null}
          {detail.updateTime ? (
            <>
              <dt>Updated</dt>
              <dd>
                {formatAbsolute(detail.updateTime)}
                {detail.lastModifier ? (
                  <>
                    {' by '}
                    <SafeText text={detail.lastModifier} max={120} />
                  </>
                ) : null}
              </dd>
            </>
          ) : null}
        </dl>
        {detail.urls.length > 0 ? (
          <>
            <h4>URLs</h4>
            <ul className="plain-list">
              {detail.urls.map((url) => {
                const href = safeHref(url);
                return (
                  <li key={url} className="break">
                    {href ? (
                      <a href={href} target="_blank" rel="noopener noreferrer">
                        <SafeText text={url} expandable={false} />
                      </a>
                    ) : (
                      <SafeText text={url} />
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
        {detail.images.length > 0 ? (
          <>
            <h4>Images</h4>
            <ul className="plain-list mono">
              {detail.images.map((image) => (
                <li key={image} className="break">
                  <SafeText text={image} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="panel-env">
        <h3 id="panel-env">Environment variables</h3>
        {detail.envVars.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <>
            <p className="muted small">Names only: values never leave the server.</p>
            <table className="mini-table mini-table--env">
              <colgroup>
                <col />
                <col />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {detail.envVars.map((env) => (
                  <tr key={`${env.container}|${env.name}`}>
                    <td className="mono break">
                      <SafeText text={env.name} />
                      {detail.envVars.some((other) => other.container !== env.container) ? (
                        <span className="muted small">
                          {' ('}
                          <SafeText text={env.container} max={80} />)
                        </span>
                      ) : null}
                    </td>
                    <td className="break">
                      {env.source === 'secret' && env.secret ? (
                        <>
                          <span className="chip chip--secret">secret</span>{' '}
                          <span className="mono">
                            <SafeText text={`${env.secret.secret}:${env.secret.version}`} />
                          </span>
                        </>
                      ) : env.source === 'secret' ? (
                        <span className="chip chip--secret">secret</span>
                      ) : (
                        <span className="chip chip--muted">literal</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      {labels.length > 0 ? (
        <section aria-labelledby="panel-labels">
          <h3 id="panel-labels">Labels</h3>
          <ul className="label-list">
            {labels.map(([key, value]) => (
              <li key={key} className="chip chip--label">
                <SafeText text={`${key}=${value}`} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="panel-findings">
        <h3 id="panel-findings">Findings ({findings.length})</h3>
        {findings.length === 0 ? (
          <p className="muted">No findings.</p>
        ) : (
          <ol className="finding-list">
            {findings.map((finding) => (
              <li
                key={finding.id}
                className={`finding finding--${finding.severity}`}
                data-finding-id={finding.id}
              >
                <p className="finding__head">
                  <SeverityChip severity={finding.severity} /> <span className="mono">{finding.ruleId}</span>{' '}
                  <strong>
                    <SafeText text={finding.title} />
                  </strong>
                </p>
                <p>
                  <SafeText text={finding.message} />
                </p>
                {finding.evidence.length > 0 ? (
                  <dl className="evidence">
                    {finding.evidence.map((item) => (
                      <div key={`${item.path}=${item.value}`}>
                        <dt className="mono">
                          <SafeText text={item.path} />
                        </dt>
                        <dd className="mono break">
                          <SafeText text={item.value} />
                        </dd>
                      </div>
                    ))}
                  </dl>
                ) : null}
                <details>
                  <summary>Why it matters</summary>
                  <p>
                    <SafeText text={finding.rationale} max={2_000} />
                  </p>
                </details>
                <CopyBlock label="gcloud" code={finding.remediation.gcloud} />
                <CopyBlock label="Terraform" code={finding.remediation.terraform} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <NeighbourList
        title="Callers"
        id="panel-callers"
        neighbours={detail.callers}
        onFocus={onFocus}
        direction="from"
      />
      <NeighbourList
        title="Callees"
        id="panel-callees"
        neighbours={detail.callees}
        onFocus={onFocus}
        direction="to"
      />
    </>
  );
}

function NeighbourList({
  title,
  id,
  neighbours,
  onFocus,
  direction,
}: {
  title: string;
  id: string;
  neighbours: ServiceDetail['callers'];
  onFocus: (id: string) => void;
  direction: 'from' | 'to';
}) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>
        {title} ({neighbours.length})
      </h3>
      {neighbours.length === 0 ? (
        <p className="muted">{direction === 'from' ? 'Nothing calls it.' : 'It calls nothing we know of.'}</p>
      ) : (
        <ul className="neighbours">
          {neighbours.map((neighbour) => (
            <li key={`${neighbour.edgeKind}|${neighbour.id}`}>
              {neighbour.kind === 'service' || neighbour.kind === 'job' ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onFocus(neighbour.id)}
                  title={displayText(neighbour.id)}
                >
                  <SafeText text={neighbour.label} max={120} expandable={false} />
                </button>
              ) : (
                <SafeText text={neighbour.label} max={120} />
              )}{' '}
              <span className={`chip edge-chip edge-chip--${neighbour.edgeKind}`}>{neighbour.edgeKind}</span>
              {neighbour.evidence.length > 0 ? (
                <ul className="neighbours__evidence">
                  {neighbour.evidence.map((line) => (
                    <li key={line} className="mono break">
                      <SafeText text={line} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
