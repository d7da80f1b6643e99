import type { GraphNode } from '../../../../../shared/model.ts';

export type SearchHit = {
  id: string;
  label: string;
  kind: 'service' | 'job';
  project: string;
  location: string;
};

/**
 * Services and jobs matching `query` (case-insensitive) by short name or full name: exact short
 * names first, then short-name prefixes, short-name substrings, full-name substrings; then by name.
 */
export function searchNodes(nodes: readonly GraphNode[], query: string, limit = 8): SearchHit[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const ranked: { hit: SearchHit; rank: number }[] = [];
  for (const node of nodes) {
    if (node.kind !== 'service' && node.kind !== 'job') continue;
    const label = node.label.toLowerCase();
    const rank =
      label === needle
        ? 0
        : label.startsWith(needle)
          ? 1
          : label.includes(needle)
            ? 2
            : node.id.toLowerCase().includes(needle)
              ? 3
              : -1;
    if (rank < 0) continue;
    ranked.push({
      hit: {
        id: node.id,
        label: node.label,
        kind: node.kind,
        project: node.project,
        location: node.location,
      },
      rank,
    });
  }
  ranked.sort(
    (x, y) => x.rank - y.rank || x.hit.label.localeCompare(y.hit.label) || x.hit.id.localeCompare(y.hit.id),
  );
  return ranked.slice(0, limit).map((entry) => entry.hit);
}
