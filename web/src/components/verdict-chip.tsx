import type { Verdict } from '../../../shared/model.ts';
import { verdictPresentation } from '../lib/verdict.ts';

/** The exposure verdict as a chip; `overexposed` is loud on purpose, the calm verdicts are not. */
export function VerdictChip({ verdict }: { verdict: Verdict }) {
  const { label, description } = verdictPresentation[verdict];
  return (
    <span className={`chip verdict verdict--${verdict}`} title={description}>
      {verdict === 'overexposed' ? <span aria-hidden="true">⚠ </span> : null}
      {label}
    </span>
  );
}
