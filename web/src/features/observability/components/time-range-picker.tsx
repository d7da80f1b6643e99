import { type TimeRange, timeRangeSchema } from '../../../../../shared/observability.ts';
import { rangeLabels } from '../utils/url-state.ts';
import './observability.css';

/** The window of traffic, signals, errors and traces: native radios, so arrows move between them. */
export function TimeRangePicker({
  value,
  onChange,
}: {
  value: TimeRange;
  onChange: (range: TimeRange) => void;
}) {
  return (
    <fieldset className="range-picker">
      <legend className="visually-hidden">Time range</legend>
      <span className="range-picker__label" aria-hidden="true">
        Last
      </span>
      {timeRangeSchema.options.map((range) => (
        <label
          key={range}
          className="range-picker__option"
          title={`Traffic and signals over ${rangeLabels[range].long}`}
        >
          <input
            type="radio"
            name="runmap-range"
            value={range}
            checked={range === value}
            onChange={() => onChange(range)}
          />
          <span>{rangeLabels[range].short}</span>
        </label>
      ))}
    </fieldset>
  );
}
