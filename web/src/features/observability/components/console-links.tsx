import type { ConsoleLinks } from '../../../../../shared/observability.ts';
import { type ConsoleLinkKey, consoleLinkItems } from '../utils/console-links.ts';

const ALL: readonly ConsoleLinkKey[] = ['cloudRun', 'logs', 'metrics', 'traces', 'errorReporting'];

/**
 * Deep links into Google Cloud's console for this service, the ones most useful to the panel first.
 * Always a new tab, without opener or referrer: the console is another origin.
 */
export function ConsoleLinkBar({
  links,
  first = [],
}: {
  links: ConsoleLinks | null;
  first?: readonly ConsoleLinkKey[];
}) {
  if (!links) return null;
  const order = [...first, ...ALL.filter((key) => !first.includes(key))];
  const items = consoleLinkItems(links, order);
  if (items.length === 0) return null;
  return (
    <nav className="console-links" aria-label="Open in Google Cloud console">
      <span className="console-links__title">Open in Google Cloud</span>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <a
              href={item.href}
              target="_blank"
              rel="noopener noreferrer"
              title={item.description}
              data-link={item.key}
            >
              {item.label}
              <span aria-hidden="true"> ↗</span>
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
