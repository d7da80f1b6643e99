import { useEffect, useMemo, useRef } from 'react';
import type { PrincipalAccess, PrincipalSummary } from '../../../../../shared/access.ts';
import { AppLink } from '../../../components/app-link.tsx';
import { DownloadLink } from '../../../components/download-link.tsx';
import { SafeText } from '../../../components/safe-text.tsx';
import { ErrorState, LoadingState } from '../../../components/states.tsx';
import { errorMessage, errorTitle } from '../../../lib/api-client.ts';
import { shortName } from '../../../lib/resource-name.ts';
import { principalAccessCsvUrl, usePrincipalAccess } from '../api/get-principal-access.ts';
import { principalsCsvUrl, usePrincipals } from '../api/get-principals.ts';
import {
  broadness,
  countKinds,
  countWorkloads,
  filterPrincipals,
  grantedOnLabel,
  kindLabel,
  memberKind,
  parseKind,
} from '../utils/principals.ts';
import './access.css';

/** The access view's URL parameters (absent = no filter, no principal picked). */
export type AccessParams = {
  principal?: string | undefined;
  kind?: string | undefined;
  q?: string | undefined;
};

export type AccessViewProps = {
  params: AccessParams;
  /** The in-app URL of the access view with these parameters. */
  hrefFor: (params: AccessParams) => string;
  /** Replace the parameters (typing in the filter box). */
  onParamsChange: (params: AccessParams) => void;
  /** The URL of the map focused on a service or job. */
  mapHref: (resource: string) => string;
  /** The URL of the map lit for what a member may invoke. */
  highlightHref: (member: string) => string;
};

/** Who may invoke what: every principal with its counts, and for the picked one its reach. */
export function AccessView({ params, hrefFor, onParamsChange, mapHref, highlightHref }: AccessViewProps) {
  const principals = usePrincipals();
  const kind = parseKind(params.kind);
  const all = principals.data?.principals;
  const shown = useMemo(
    () => (all ? filterPrincipals(all, { kind, query: params.q }) : []),
    [all, kind, params.q],
  );
  const kinds = useMemo(() => (all ? countKinds(all) : []), [all]);

  if (principals.isPending) return <LoadingState label="Loading principals…" />;
  if (principals.isError)
    return (
      <ErrorState
        title={errorTitle(principals.error)}
        message={errorMessage(principals.error)}
        onRetry={() => void principals.refetch()}
      />
    );

  const broad = shown.filter((p) => p.broad);
  const named = shown.filter((p) => !p.broad);
  const picked = params.principal ?? null;
  const link = (p: PrincipalSummary) => hrefFor({ ...params, principal: p.member });

  return (
    <div className="access">
      <header className="access__header">
        <div>
          <h1 className="access__title">Access</h1>
          <p className="muted">Who may invoke each service and job, and what each identity may invoke.</p>
        </div>
        <DownloadLink href={principalsCsvUrl} testId="principals-csv">
          Export principals (CSV)
        </DownloadLink>
      </header>
      <div className="access__body">
        <section className="access__list card" aria-label="Principals">
          <div className="access__filters">
            <input
              type="search"
              className="access__search"
              aria-label="Filter principals"
              placeholder="Filter by member…"
              value={params.q ?? ''}
              spellCheck={false}
              onChange={(event) => onParamsChange({ ...params, q: event.target.value || undefined })}
            />
            <nav className="access__kinds" aria-label="Principal kinds">
              <AppLink to={hrefFor({ ...params, kind: undefined })} className="kind-tab" current={!kind}>
                All <span className="kind-tab__count">{all?.length ?? 0}</span>
              </AppLink>
              {kinds.map(([k, count]) => (
                <AppLink
                  key={k}
                  to={hrefFor({ ...params, kind: k })}
                  className="kind-tab"
                  current={kind === k}
                >
                  {kindLabel[k].many} <span className="kind-tab__count">{count}</span>
                </AppLink>
              ))}
            </nav>
          </div>
          {all && all.length === 0 ? (
            <p className="empty-note">
              No principal holds an invoker grant and no workload has a runtime identity in this snapshot.
            </p>
          ) : shown.length === 0 ? (
            <p className="empty-note">No principal matches this filter.</p>
          ) : (
            <div className="access__scroll">
              {broad.length > 0 ? (
                <PrincipalGroup title="Broad principals" principals={broad} picked={picked} link={link} />
              ) : null}
              {named.length > 0 ? (
                <PrincipalGroup title="Named principals" principals={named} picked={picked} link={link} />
              ) : null}
            </div>
          )}
        </section>
        <section className="access__detail" aria-label="Principal access">
          {picked ? (
            <PrincipalDetail
              member={picked}
              known={all?.some((p) => p.member === picked) ?? false}
              mapHref={mapHref}
              highlightHref={highlightHref}
            />
          ) : (
            <div className="card access__empty">
              <h2 className="state-card__title">Pick a principal</h2>
              <p className="muted">
                See every service and job it may invoke, the role and where it is granted, and the workloads
                that run as it. Broad principals, which reach people no one listed by name, come first.
              </p>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}

function PrincipalGroup({
  title,
  principals,
  picked,
  link,
}: {
  title: string;
  principals: PrincipalSummary[];
  picked: string | null;
  link: (p: PrincipalSummary) => string;
}) {
  return (
    <>
      <h2 className="access__group">
        {title} <span className="muted">({principals.length})</span>
      </h2>
      <ul className="principal-list">
        {principals.map((p) => {
          const wide = broadness(p);
          return (
            <li key={p.member} data-member={p.member}>
              <AppLink
                to={link(p)}
                current={p.member === picked}
                className={`principal${wide ? ` principal--${wide.tone}` : ''}`}
              >
                <span className="principal__member">
                  <SafeText text={p.member} max={120} expandable={false} />
                </span>
                <span className="principal__meta">
                  {p.member !== kindLabel[p.kind].one ? (
                    <span className="chip chip--muted">{kindLabel[p.kind].one}</span>
                  ) : null}
                  {wide ? <span className={`chip chip--${wide.tone}`}>{wide.label}</span> : null}
                  <span className="principal__counts">
                    may invoke <strong>{p.mayInvoke}</strong>
                    {p.runsAs > 0 ? (
                      <>
                        {' '}
                        · runs <strong>{p.runsAs}</strong>
                      </>
                    ) : null}
                  </span>
                </span>
              </AppLink>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function PrincipalDetail({
  member,
  known,
  mapHref,
  highlightHref,
}: {
  member: string;
  known: boolean;
  mapHref: (resource: string) => string;
  highlightHref: (member: string) => string;
}) {
  const access = usePrincipalAccess(member);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownBefore = useRef(false);
  // Keyboard users land on the principal they pick (not on a deep link's first load).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the picked principal changes.
  useEffect(() => {
    if (shownBefore.current) headingRef.current?.focus({ preventScroll: true });
    shownBefore.current = true;
  }, [member]);

  return (
    <article className="card principal-detail" aria-labelledby="principal-title">
      <header className="principal-detail__header">
        <h2 id="principal-title" ref={headingRef} tabIndex={-1}>
          <SafeText text={member} />
        </h2>
        {access.data ? <PrincipalChips access={access.data} /> : null}
        <div className="principal-detail__actions">
          <AppLink to={highlightHref(member)} className="button">
            Highlight on the map
          </AppLink>
          <DownloadLink href={principalAccessCsvUrl(member)} testId="principal-csv">
            Export what it may invoke (CSV)
          </DownloadLink>
        </div>
      </header>
      {access.isPending ? (
        <div className="principal-detail__loading">
          <div className="spinner" aria-hidden="true" />
          <p>Loading what it may invoke…</p>
        </div>
      ) : access.isError ? (
        <div className="inline-error" role="alert">
          <strong>{errorTitle(access.error)}</strong>
          <p>{errorMessage(access.error)}</p>
          <button type="button" className="button" onClick={() => void access.refetch()}>
            Retry
          </button>
        </div>
      ) : (
        <PrincipalReach access={access.data} known={known} mapHref={mapHref} />
      )}
    </article>
  );
}

function PrincipalChips({ access }: { access: PrincipalAccess }) {
  const wide = broadness(access);
  return (
    <p className="principal-detail__chips">
      <span className="chip chip--muted">{kindLabel[access.kind].one}</span>
      {wide ? <span className={`chip chip--${wide.tone}`}>{wide.label}</span> : null}
    </p>
  );
}

function PrincipalReach({
  access,
  known,
  mapHref,
}: {
  access: PrincipalAccess;
  known: boolean;
  mapHref: (resource: string) => string;
}) {
  const workloads = countWorkloads(access.mayInvoke);
  return (
    <>
      {!known && access.mayInvoke.length === 0 && access.runsAs.length === 0 ? (
        <p className="note note--warning">
          This member holds no invoker grant and runs no workload in this snapshot.
        </p>
      ) : null}
      <section aria-labelledby="may-invoke">
        <h3 id="may-invoke">
          May invoke {workloads} workload{workloads === 1 ? '' : 's'}
        </h3>
        {access.mayInvoke.length === 0 ? (
          <p className="muted">Nothing: no invoker grant names it or a broader principal that covers it.</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table invocable-table">
              <thead>
                <tr>
                  <th scope="col">Workload</th>
                  <th scope="col">Role</th>
                  <th scope="col">Granted on</th>
                  <th scope="col">Through</th>
                </tr>
              </thead>
              <tbody>
                {access.mayInvoke.map((i) => (
                  <tr
                    key={`${i.resource}|${i.role}|${i.grantedOn}|${i.via}`}
                    data-resource={i.resource}
                    className={i.grantedOn === null ? 'row--broad' : undefined}
                  >
                    <td>
                      <AppLink to={mapHref(i.resource)} className="resource-name">
                        <SafeText text={shortName(i.resource)} max={80} />
                      </AppLink>
                      <span className="resource-where">
                        {i.kind === 'job' ? 'job · ' : ''}
                        <SafeText text={i.project} max={60} /> · <SafeText text={i.location} max={40} />
                      </span>
                    </td>
                    <td className="mono invocable-table__role">
                      {i.role ? <SafeText text={i.role} max={80} /> : '—'}
                    </td>
                    <td>{grantedOnLabel(i)}</td>
                    <td className="break">
                      {i.via === access.member ? (
                        <span className="muted">its own grant</span>
                      ) : i.via === 'invokerIamDisabled' ? (
                        <span className="chip chip--danger">no IAM check</span>
                      ) : (
                        <ViaLabel via={i.via} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="runs-as">
        <h3 id="runs-as">Runs as it ({access.runsAs.length})</h3>
        {access.runsAs.length === 0 ? (
          <p className="muted">
            {access.kind === 'serviceAccount'
              ? 'No service or job runs as this service account.'
              : 'Only service accounts are runtime identities.'}
          </p>
        ) : (
          <ul className="runs-as">
            {access.runsAs.map((resource) => (
              <li key={resource} data-resource={resource}>
                <AppLink to={mapHref(resource)}>
                  <SafeText text={shortName(resource)} max={80} />
                </AppLink>{' '}
                <span className="muted small">
                  <SafeText text={resource} max={160} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {access.caveats.length > 0 ? (
        <section aria-labelledby="caveats">
          <h3 id="caveats">What this answer cannot see</h3>
          <ul className="caveats">
            {access.caveats.map((caveat) => (
              <li key={caveat}>
                <SafeText text={caveat} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function ViaLabel({ via }: { via: string }) {
  const wide = broadness({ member: via, kind: memberKind(via), broad: false });
  return (
    <>
      <SafeText text={via} max={80} />{' '}
      {wide ? <span className={`chip chip--${wide.tone}`}>{wide.label}</span> : null}
    </>
  );
}
