import type { Inventory } from '../../../shared/inventory.ts';
import { collect } from '../../collect/collect.ts';
import type { Analysis } from '../../core/analyze.ts';
import type { Source } from '../../sources.ts';
import { SnapshotStore } from '../snapshot-store.ts';

/** A snapshot store that collects from a world source on refresh only (no timer), for route tests. */
export function worldSnapshotStore(
  source: Source,
  analyze: (inventory: Inventory) => Analysis,
): SnapshotStore {
  return new SnapshotStore({
    source: source.description,
    projects: source.projects,
    refreshSeconds: 0,
    collect: (onProgress) => collect({ ...source, onProgress }),
    analyze,
  });
}
