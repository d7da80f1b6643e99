import type { WorldProject } from '../world.ts';

/** `prepare` memoized per world project, so a service parses a project's data once, not per call. */
export function perProject<T>(prepare: (project: WorldProject) => T): (project: WorldProject) => T {
  const prepared = new WeakMap<WorldProject, T>();
  return (project) => {
    if (prepared.has(project)) return prepared.get(project) as T;
    const value = prepare(project);
    prepared.set(project, value);
    return value;
  };
}
