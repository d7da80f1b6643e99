import type { JsonObject } from './proto-json-checker.ts';
import { splitResourceName } from './resource-names.ts';
import type { World, WorldProject } from './world.ts';

export type RunCollection = 'services' | 'jobs';

interface ProjectEntry {
  project: WorldProject;
  /** Services and jobs by `location/collection/id`, in world order. */
  resources: Map<string, JsonObject>;
  policies: Map<string, JsonObject>;
}

/** Lookups over a loaded world for the fake's handlers; projects resolve by ID or number. */
export class WorldIndex {
  private readonly projects = new Map<string, ProjectEntry>();

  constructor(world: World) {
    for (const project of world.projects) {
      const entry: ProjectEntry = { project, resources: new Map(), policies: new Map() };
      for (const collection of ['services', 'jobs'] as const) {
        for (const resource of project[collection]) {
          const key = resourceKey(String(resource.name), collection);
          if (key) entry.resources.set(key, resource);
        }
      }
      for (const [name, policy] of Object.entries(project.iamPolicies)) {
        const key = resourceKey(name, 'services') ?? resourceKey(name, 'jobs');
        if (key) entry.policies.set(key, policy);
      }
      this.projects.set(project.projectId, entry);
      this.projects.set(project.projectNumber, entry);
    }
  }

  /** The project a resource name addresses by ID or number. */
  project(ref: string): WorldProject | undefined {
    return this.projects.get(ref)?.project;
  }

  list(project: WorldProject, collection: RunCollection, location: string): JsonObject[] {
    const prefix = `${location}/${collection}/`;
    const entry = this.projects.get(project.projectId);
    return [...(entry?.resources ?? [])].filter(([key]) => key.startsWith(prefix)).map(([, value]) => value);
  }

  get(
    project: WorldProject,
    collection: RunCollection,
    location: string,
    id: string,
  ): JsonObject | undefined {
    return this.projects.get(project.projectId)?.resources.get(`${location}/${collection}/${id}`);
  }

  iamPolicy(
    project: WorldProject,
    collection: RunCollection,
    location: string,
    id: string,
  ): JsonObject | undefined {
    return this.projects.get(project.projectId)?.policies.get(`${location}/${collection}/${id}`);
  }
}

function resourceKey(name: string, collection: RunCollection): string | undefined {
  const ids = splitResourceName(name, ['projects', 'locations', collection]);
  return ids ? `${ids[1]}/${collection}/${ids[2]}` : undefined;
}
