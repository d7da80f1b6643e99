import type { ReactNode } from 'react';
import './download-link.css';

/** A button-looking link to an export endpoint (CSV, JSON); the server names the file. */
export function DownloadLink({
  href,
  children,
  small,
  testId,
}: {
  href: string;
  children: ReactNode;
  small?: boolean;
  testId?: string;
}) {
  return (
    <a
      className={`button download-link${small ? ' button--small' : ''}`}
      href={href}
      download
      data-testid={testId}
    >
      <span aria-hidden="true">⤓</span>
      {children}
    </a>
  );
}
