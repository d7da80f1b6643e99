import { useState } from 'react';

/** A labelled code block with a copy button. The code is rendered as text, never as HTML. */
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
      <pre>
        <code>{code}</code>
      </pre>
    </div>
  );
}
