import type { ReactNode } from 'react';
import { handleLinkClick } from '../lib/router.ts';

/** An in-app link: a real href (open in new tab works) that navigates without a reload. */
export function AppLink({
  to,
  children,
  className,
  current,
}: {
  to: string;
  children: ReactNode;
  className?: string;
  current?: boolean;
}) {
  return (
    <a
      href={to}
      className={className}
      aria-current={current ? 'page' : undefined}
      onClick={(event) => handleLinkClick(event, to)}
    >
      {children}
    </a>
  );
}
