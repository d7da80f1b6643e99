import type { ArrivalPath } from '../../../../../shared/model.ts';
import { SafeText } from '../../../components/safe-text.tsx';
import { accessLabel } from '../utils/describe.ts';
import './arrival-paths.css';

const last = (name: string) => name.slice(name.lastIndexOf('/') + 1);

const kindLabel: Record<ArrivalPath['kind'], string> = {
  'default-url': 'Default run.app URL',
  'load-balancer': 'Load balancer',
  internal: 'Internal networks',
};

/** Every way a request can arrive at the service, each with who passes the gate on it (issue 6). */
export function ArrivalPaths({ paths }: { paths: readonly ArrivalPath[] }) {
  if (paths.length === 0) return <p className="muted">No way in: ingress refuses every request.</p>;
  return (
    <ul className="arrival-paths" aria-label="Ways in">
      {paths.map((path) => {
        const lb = path.loadBalancer;
        return (
          <li
            key={`${path.kind}|${lb?.name ?? ''}|${lb?.backendService ?? ''}`}
            className={`arrival-path arrival-path--${path.from}${path.open ? '' : ' arrival-path--blocked'}`}
            data-path-kind={path.kind}
          >
            <p className="arrival-path__head">
              <span className={`chip arrival-path__from arrival-path__from--${path.from}`}>
                {path.from === 'internet' ? 'Internet' : 'Internal'}
              </span>
              <strong>{kindLabel[path.kind]}</strong>
              {lb ? <SafeText text={lb.label} max={60} expandable={false} /> : null}
              {path.open ? (
                <span className={`chip arrival-path__access arrival-path__access--${path.access}`}>
                  {accessLabel[path.access]}
                </span>
              ) : (
                <span className="chip chip--muted">blocked by ingress</span>
              )}
            </p>
            {lb ? (
              <p className="arrival-path__chain small">
                {lb.urlMap ? (
                  <>
                    URL map <SafeText text={last(lb.urlMap)} max={60} expandable={false} /> →{' '}
                  </>
                ) : null}
                backend <SafeText text={last(lb.backendService)} max={60} expandable={false} />{' '}
                <span className={`chip ${lb.iapEnabled ? 'chip--iap' : 'chip--muted'}`}>
                  {lb.iapEnabled ? 'IAP on' : 'no IAP'}
                </span>{' '}
                <span className={`chip ${lb.securityPolicy ? 'chip--armor' : 'chip--muted'}`}>
                  {lb.securityPolicy ? `Cloud Armor ${last(lb.securityPolicy)}` : 'no Cloud Armor'}
                </span>
                {lb.hosts.length > 0 && !(lb.hosts.length === 1 && lb.hosts[0] === '*') ? (
                  <>
                    {' '}
                    hosts <SafeText text={lb.hosts.join(', ')} max={120} />
                  </>
                ) : null}
              </p>
            ) : null}
            <p className="arrival-path__summary small muted">
              <SafeText text={path.summary} />
            </p>
          </li>
        );
      })}
    </ul>
  );
}
