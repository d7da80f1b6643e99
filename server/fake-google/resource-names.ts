// Google's formats: project IDs are 6-30 lowercase letters, digits and hyphens starting with a letter
// (optionally behind a legacy "domain.com:" prefix); project numbers are decimal; Cloud Run regions look
// like "europe-west1"; service and job IDs are RFC 1035 labels.
const PROJECT_ID = /^([a-z][a-z0-9.-]*[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const PROJECT_NUMBER = /^[1-9]\d{0,19}$/;
const REGION = /^[a-z]+-[a-z]+\d+$/;
const RESOURCE_ID = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

export function isProjectId(text: string): boolean {
  return PROJECT_ID.test(text);
}

export function isProjectNumber(text: string): boolean {
  return PROJECT_NUMBER.test(text);
}

/** A project as a resource name may address it: by ID or by number. */
export function isProjectRef(text: string): boolean {
  return isProjectId(text) || isProjectNumber(text);
}

export function isRegion(text: string): boolean {
  return REGION.test(text);
}

export function isResourceId(text: string): boolean {
  return RESOURCE_ID.test(text);
}

/**
 * Splits `projects/p/locations/l/services/s` against the collections ['projects', 'locations',
 * 'services'] into ['p', 'l', 's'], or returns undefined when the name has another shape.
 */
export function splitResourceName(name: string, collections: readonly string[]): string[] | undefined {
  const parts = name.split('/');
  if (parts.length !== collections.length * 2) return undefined;
  const ids: string[] = [];
  for (const [index, collection] of collections.entries()) {
    const id = parts[index * 2 + 1];
    if (parts[index * 2] !== collection || !id) return undefined;
    ids.push(id);
  }
  return ids;
}
