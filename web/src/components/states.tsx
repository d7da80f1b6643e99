import type { ReactNode } from 'react';

/** Centred cards for the designed loading, empty and error states. */

export function CenteredCard({
  children,
  tone = 'neutral',
  label,
}: {
  children: ReactNode;
  tone?: 'neutral' | 'error';
  label: string;
}) {
  return (
    <div className="center-stage">
      <section className={`card state-card state-card--${tone}`} aria-label={label}>
        {children}
      </section>
    </div>
  );
}

export function LoadingState({ label }: { label: string }) {
  return (
    <CenteredCard label={label}>
      <div className="spinner" aria-hidden="true" />
      <p className="state-card__title">{label}</p>
    </CenteredCard>
  );
}

export function ErrorState({
  title,
  message,
  onRetry,
  children,
}: {
  title: string;
  message: string;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="center-stage">
      <section className="card state-card state-card--error" role="alert" aria-label={title}>
        <h2 className="state-card__title">{title}</h2>
        <p className="state-card__message">{message}</p>
        {children}
        {onRetry ? (
          <button type="button" className="button button--primary" onClick={onRetry}>
            Retry
          </button>
        ) : null}
      </section>
    </div>
  );
}
