/**
 * Resource patterns of the policy file. A pattern with a `/` matches the full resource name
 * (`projects/P/locations/L/services/S`); one without matches the short name. `*` stands for any
 * characters within one segment, `**` for any characters at all; everything else is literal.
 */
export function resourcePattern(pattern: string): (name: string, shortName: string) => boolean {
  const source = pattern
    .split(/(\*\*|\*)/)
    .map((part) =>
      part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  const regex = new RegExp(`^${source}$`);
  const full = pattern.includes('/');
  return (name, shortName) => regex.test(full ? name : shortName);
}
