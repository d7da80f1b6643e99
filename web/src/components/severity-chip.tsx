import { type Severity, type SeverityCounts, severities } from '../../../shared/model.ts';
import { severityLabel } from '../lib/verdict.ts';

export function SeverityChip({ severity }: { severity: Severity }) {
  return <span className={`chip sev sev--${severity}`}>{severityLabel[severity]}</span>;
}

/** Compact finding counts, e.g. "C 2 · H 1", zero counts left out. */
export function SeverityCountChips({ counts }: { counts: SeverityCounts }) {
  const present = severities.filter((severity) => counts[severity] > 0);
  if (present.length === 0) return null;
  return (
    <span className="sev-counts">
      {present.map((severity) => (
        <span
          key={severity}
          className={`chip chip--count sev sev--${severity}`}
          title={`${counts[severity]} ${severity} finding${counts[severity] === 1 ? '' : 's'}`}
        >
          <span aria-hidden="true">{severityLabel[severity].charAt(0)}</span>
          <span className="visually-hidden">{severityLabel[severity]}</span> {counts[severity]}
        </span>
      ))}
    </span>
  );
}
