/** The last segment of a resource name: `projects/p/locations/l/services/orders` → `orders`. */
export function shortName(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash >= 0 ? name.slice(slash + 1) : name;
}
