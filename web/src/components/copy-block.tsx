import { useState } from 'react';
import { hasHiddenCharacters } from '../lib/display-text.ts';
import { SafeText } from './safe-text.tsx';

/**
 * A labelled code block with a copy button. The code is rendered as text, never as HTML, with
 * invisible characters shown as markers; the copy is exact, so a warning says when it holds any.
 */
export function CopyBlock({ label, code }: { label: string; code: string }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    navigator.clipboard.writeText(code).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
    window.setTimeout(() => setCopied('idle'), 2000);
  };
  return (
    <div className="copy-block">
      <div className="copy-block__bar">
        <span className="copy-block__label">{label}</span>
        <button type="button" className="button button--small" onClick={copy} aria-label={`Copy ${label}`}>
          {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy'}
        </button>
      </div>
      {hasHiddenCharacters(code) ? (
        <p className="copy-block__warning" role="note">
          Holds invisible or direction-changing characters (marked ⟨U+…⟩); check it before you run it.
        </p>
      ) : null}
      <pre>
        <code>
          <SafeText text={code} max={8_000} />
        </code>
      </pre>
    </div>
  );
}
