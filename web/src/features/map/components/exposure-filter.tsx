import { verdictPresentation } from '../../../lib/verdict.ts';
import { type ExposedVerdict, exposedVerdicts } from '../utils/exposure-filter.ts';
import './map-filters.css';

/**
 * The map toolbar's exposure filter: narrow the map to overexposed, public and/or reachable services
 * (the attack surface) with the ways in that lead to them. `selected` null shows everything.
 */
export function ExposureFilter({
  selected,
  onChange,
}: {
  selected: readonly ExposedVerdict[] | null;
  onChange: (verdicts: ExposedVerdict[]) => void;
}) {
  const chosen = new Set(selected ?? []);
  const toggle = (verdict: ExposedVerdict) =>
    onChange(exposedVerdicts.filter((v) => (v === verdict ? !chosen.has(v) : chosen.has(v))));
  return (
    <fieldset className="exposure-filter">
      <legend className="exposure-filter__legend">Show only</legend>
      {exposedVerdicts.map((verdict) => (
        <button
          key={verdict}
          type="button"
          className={`exposure-filter__option exposure-filter__option--${verdict}`}
          aria-pressed={chosen.has(verdict)}
          title={verdictPresentation[verdict].description}
          onClick={() => toggle(verdict)}
        >
          {verdictPresentation[verdict].label}
        </button>
      ))}
      {selected === null ? (
        <button type="button" className="exposure-filter__all" onClick={() => onChange([...exposedVerdicts])}>
          Attack surface
        </button>
      ) : (
        <button type="button" className="exposure-filter__all" onClick={() => onChange([])}>
          Show everything
        </button>
      )}
    </fieldset>
  );
}
