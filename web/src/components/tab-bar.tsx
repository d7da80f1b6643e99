import { type KeyboardEvent, useRef } from 'react';
import './tab-bar.css';

export type TabItem = { id: string; label: string };

/**
 * Tabs over one panel (WAI-ARIA tabs, manual activation): ←/→/Home/End move between tabs and
 * choose them. The caller keeps the active tab (in the URL) and renders the panel with
 * `id={tabPanelId(idBase)}` and `aria-labelledby={tabId(idBase, active)}`.
 */
export function TabBar({
  tabs,
  active,
  onChange,
  label,
  idBase,
}: {
  tabs: readonly TabItem[];
  active: string;
  onChange: (id: string) => void;
  label: string;
  idBase: string;
}) {
  const listRef = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === active);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : -1;
    const tab = tabs[next];
    if (!tab) return;
    event.preventDefault();
    onChange(tab.id);
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(idBase, tab.id))}`)?.focus();
  };
  return (
    <div className="tab-bar" role="tablist" aria-label={label} ref={listRef} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const selected = tab.id === active;
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={tabId(idBase, tab.id)}
            className="tab-bar__tab"
            aria-selected={selected}
            aria-controls={tabPanelId(idBase)}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab.id)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}

export const tabId = (idBase: string, id: string): string => `${idBase}-tab-${id}`;
export const tabPanelId = (idBase: string): string => `${idBase}-tabpanel`;
