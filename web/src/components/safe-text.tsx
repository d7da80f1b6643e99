import { useMemo, useState } from 'react';
import { displaySegments, displayText, truncateSegments } from '../lib/display-text.ts';
import './safe-text.css';

/** Longest string shown whole by default; longer ones are cut with a control to show the rest. */
export const SAFE_TEXT_MAX = 240;
/** Longest tooltip: a `title` of 10 kB helps no one. */
const TITLE_MAX = 1_000;

export type SafeTextProps = {
  /** Untrusted text from the API: a name, label, env name, IAM member, log line… */
  text: string;
  /** Characters shown before the text is cut (default SAFE_TEXT_MAX). */
  max?: number;
  /** Offer "Show all" for cut text; off where the full text is shown elsewhere (a table row's detail). */
  expandable?: boolean;
  className?: string;
};

/**
 * Untrusted text rendered inert and readable: invisible and bidi characters appear as ⟨U+202E⟩
 * markers (see displayText), the run is direction-isolated from its surroundings, and very long
 * strings are cut with a `title` and an expand control instead of swelling the layout.
 */
export function SafeText({ text, max = SAFE_TEXT_MAX, expandable = true, className }: SafeTextProps) {
  const [expanded, setExpanded] = useState(false);
  const all = useMemo(() => displaySegments(text), [text]);
  const cut = useMemo(() => truncateSegments(all, max), [all, max]);
  const markers = all.filter((segment) => segment.marker).length;
  const shown = expanded ? all : cut.segments;

  let title: string | undefined;
  if (cut.truncated) {
    const full = displayText(text);
    title =
      full.length > TITLE_MAX
        ? `${full.slice(0, TITLE_MAX)}… (${text.length.toLocaleString()} characters)`
        : full;
  } else if (markers > 0) {
    title = `Holds ${markers} invisible or direction-changing character${markers === 1 ? '' : 's'}, shown as ⟨U+…⟩`;
  }

  return (
    <span className={className ? `safe-text ${className}` : 'safe-text'} title={title}>
      {shown.map((segment, index) =>
        segment.marker ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reordered.
          <span key={index} className="safe-text__marker">
            {segment.text}
          </span>
        ) : (
          segment.text
        ),
      )}
      {cut.truncated && !expanded ? <span className="safe-text__ellipsis">…</span> : null}
      {cut.truncated && expandable ? (
        <button
          type="button"
          className="safe-text__toggle"
          aria-expanded={expanded}
          onClick={(event) => {
            event.stopPropagation();
            setExpanded(!expanded);
          }}
          onKeyDown={(event) => event.stopPropagation()}
        >
          {expanded ? 'Show less' : `Show all ${text.length.toLocaleString()} characters`}
        </button>
      ) : null}
    </span>
  );
}
