import { type KeyboardEvent, useEffect, useId, useMemo, useState } from 'react';
import { displayText } from '../../../lib/display-text.ts';
import { useGraph } from '../api/get-graph.ts';
import { searchNodes } from '../utils/search.ts';
import { JobIcon, ServiceIcon } from './node-icons.tsx';

/** Header search: suggests services and jobs by short or full name; Enter picks the highlighted one. */
export function SearchBox({ enabled, onPick }: { enabled: boolean; onPick: (id: string) => void }) {
  const graph = useGraph({ enabled });
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const hits = useMemo(() => searchNodes(graph.data?.nodes ?? [], query), [graph.data, query]);
  const showList = open && query.trim() !== '';
  // Enter pressed before the services were loaded: pick the first match once they are.
  const [pickWhenLoaded, setPickWhenLoaded] = useState(false);

  const pick = (id: string) => {
    setOpen(false);
    setQuery('');
    setPickWhenLoaded(false);
    onPick(id);
  };

  useEffect(() => {
    if (!pickWhenLoaded || graph.isPending) return;
    setPickWhenLoaded(false);
    const first = hits[0];
    if (first) {
      setOpen(false);
      setQuery('');
      onPick(first.id);
    }
  }, [pickWhenLoaded, graph.isPending, hits, onPick]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (hits.length > 0)
        setActive((current) => (current + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (event.key === 'Enter') {
      const hit = hits[active] ?? hits[0];
      if (hit) {
        event.preventDefault();
        pick(hit.id);
      } else if (graph.isPending && query.trim() !== '') {
        event.preventDefault();
        setPickWhenLoaded(true);
      }
    } else if (event.key === 'Escape' && showList) {
      // Close the suggestions only; the side panel's Esc handler ignores handled events.
      event.preventDefault();
      setOpen(false);
    }
  };

  const activeHit = showList ? hits[active] : undefined;
  return (
    <div className="search">
      <input
        type="search"
        className="search__input"
        aria-label="Find a service"
        placeholder={enabled ? 'Find a service or job…' : 'Search opens with a snapshot'}
        disabled={!enabled}
        value={query}
        autoComplete="off"
        spellCheck={false}
        aria-controls={showList ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={activeHit ? `${listId}-${active}` : undefined}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {showList ? (
        <div className="search__list card" id={listId} role="listbox" aria-label="Matching services">
          {hits.length === 0 ? (
            <div className="search__empty">
              {graph.isPending ? 'Loading services…' : 'No service or job matches'}
            </div>
          ) : (
            hits.map((hit, index) => (
              <div
                key={hit.id}
                id={`${listId}-${index}`}
                role="option"
                tabIndex={-1}
                aria-selected={index === active}
                className={`search__option${index === active ? ' search__option--active' : ''}`}
                // mousedown, not click: picking must happen before the input's blur closes the list.
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(hit.id);
                }}
                onMouseEnter={() => setActive(index)}
                title={displayText(hit.id)}
              >
                {hit.kind === 'service' ? <ServiceIcon /> : <JobIcon />}
                <span className="search__label">{displayText(hit.label)}</span>
                <span className="search__where">
                  {displayText(hit.project)} · {displayText(hit.location)}
                </span>
              </div>
            ))
          )}
        </div>
      ) : null}
    </div>
  );
}
