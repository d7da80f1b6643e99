/**
 * Short labels for workloads (`projects/P/locations/L/services/S` → `S`), with the region added
 * where two share a name (`cart (europe-west4)`), and the project too where that is not enough.
 * Ids of another shape keep their last segment. Pure.
 */
export function distinctLabels(ids: Iterable<string>): Map<string, string> {
  const parts = [...new Set(ids)].map((id) => {
    const segments = id.split('/');
    const at = (key: string) => {
      const index = segments.indexOf(key);
      return index >= 0 ? segments[index + 1] : undefined;
    };
    return {
      id,
      name: segments[segments.length - 1] ?? id,
      location: at('locations'),
      project: at('projects'),
    };
  });
  const count = (key: (part: (typeof parts)[number]) => string) => {
    const counts = new Map<string, number>();
    for (const part of parts) counts.set(key(part), (counts.get(key(part)) ?? 0) + 1);
    return (part: (typeof parts)[number]) => counts.get(key(part)) ?? 0;
  };
  const byName = count((part) => part.name);
  const byNameAndRegion = count((part) => `${part.name}|${part.location ?? ''}`);
  const labels = new Map<string, string>();
  for (const part of parts) {
    let label = part.name;
    if (byName(part) > 1 && part.location) {
      label =
        byNameAndRegion(part) > 1 && part.project
          ? `${part.name} (${part.project}/${part.location})`
          : `${part.name} (${part.location})`;
    }
    labels.set(part.id, label);
  }
  return labels;
}
