import type { Finding, WaiverRef } from '../../../../../shared/model.ts';
import { AppLink } from '../../../components/app-link.tsx';
import { CopyBlock } from '../../../components/copy-block.tsx';
import { SafeText } from '../../../components/safe-text.tsx';
import { shortName } from '../../../lib/resource-name.ts';

/** Characters of a message shown before "Show all": a 10 kB log line must not bury the rest. */
const MESSAGE_MAX = 600;

/** One finding in full: message, waiver, every piece of evidence, rationale and both remediations. */
export function FindingDetail({
  finding,
  mapHref,
}: {
  finding: Finding;
  mapHref: (resource: string) => string;
}) {
  return (
    <div className="finding-detail" data-detail-of={finding.id}>
      <div className="finding-detail__main">
        <p className="finding-detail__message">
          <SafeText text={finding.message} max={MESSAGE_MAX} />
        </p>
        {finding.waiver ? <WaiverNote waiver={finding.waiver} expired={false} /> : null}
        {finding.expiredWaiver ? <WaiverNote waiver={finding.expiredWaiver} expired /> : null}
        <h4>Evidence</h4>
        {finding.evidence.length === 0 ? (
          <p className="muted">The rule recorded no field or binding.</p>
        ) : (
          <dl className="evidence finding-detail__evidence">
            {finding.evidence.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: evidence keeps its order and may repeat.
              <div key={index}>
                <dt className="mono">
                  <SafeText text={item.path} max={200} />
                </dt>
                <dd className="mono break">
                  <SafeText text={item.value} max={600} />
                </dd>
              </div>
            ))}
          </dl>
        )}
        <h4>Why it matters</h4>
        <p className="finding-detail__rationale">
          <SafeText text={finding.rationale} max={2_000} />
        </p>
        <p className="finding-detail__resource">
          <AppLink to={mapHref(finding.resource)}>
            Show <SafeText text={shortName(finding.resource)} max={80} expandable={false} /> on the map
          </AppLink>
          <span className="mono small muted">
            <SafeText text={finding.resource} max={200} />
          </span>
        </p>
      </div>
      <div className="finding-detail__fix">
        <h4>Remediation</h4>
        <CopyBlock label="gcloud" code={finding.remediation.gcloud} />
        <CopyBlock label="Terraform" code={finding.remediation.terraform} />
      </div>
    </div>
  );
}

function WaiverNote({ waiver, expired }: { waiver: WaiverRef; expired: boolean }) {
  return (
    <div className={`waiver${expired ? ' waiver--expired' : ''}`} role="note">
      <p className="waiver__title">
        {expired ? (
          <>
            <strong>Waiver expired on {waiver.expires}</strong>: the finding counts again.
          </>
        ) : (
          <>
            <strong>Waived</strong> until {waiver.expires} (inclusive, UTC)
          </>
        )}
      </p>
      <dl className="waiver__facts">
        <dt>Justification</dt>
        <dd>
          <SafeText text={waiver.justification} max={1_000} />
        </dd>
        <dt>Owner</dt>
        <dd>
          <SafeText text={waiver.owner} max={200} />
        </dd>
        <dt>Waiver</dt>
        <dd className="mono small">
          rule <SafeText text={waiver.rule} max={40} />, resource{' '}
          <SafeText text={waiver.resource} max={200} />
          {waiver.line ? ` (policy file line ${waiver.line})` : ''}
        </dd>
      </dl>
    </div>
  );
}
