import path from 'node:path';
import { GoogleProjectsAdapter, type ProjectsAdapter } from './collect/projects-adapter.ts';
import { GoogleRunAdapter, type RunAdapter } from './collect/run-adapter.ts';
import { fakeClientOptions } from './fake-google/fake-client-options.ts';
import { loadWorld } from './fake-google/load-world.ts';
import { startFakeGoogle } from './fake-google/start-fake-google.ts';

/** Where a snapshot's data comes from: Google's APIs for some projects, or a world served by the fake. */
export interface Source {
  description: string;
  projects: string[];
  run: RunAdapter;
  resourceManager: ProjectsAdapter;
  close(): Promise<void>;
}

/**
 * Serves a world file through the embedded fake on loopback and points the real clients at it:
 * the same collector code path as production, only the endpoint and credentials differ.
 */
export async function worldSource(
  file: string,
  description = `world ${path.basename(file)}`,
): Promise<Source> {
  const world = loadWorld(file);
  const fake = await startFakeGoogle({ world, host: '127.0.0.1', port: 0 });
  const endpoint = fakeClientOptions(fake);
  const run = new GoogleRunAdapter(endpoint);
  const resourceManager = new GoogleProjectsAdapter(endpoint);
  return {
    description,
    projects: world.projects.map((p) => p.projectId),
    run,
    resourceManager,
    close: async () => {
      await Promise.all([run.close(), resourceManager.close()]);
      await fake.stop();
    },
  };
}

/** Real Google Cloud with Application Default Credentials. */
export function googleSource(projects: string[]): Source {
  const run = new GoogleRunAdapter();
  const resourceManager = new GoogleProjectsAdapter();
  return {
    description: `Google Cloud projects ${projects.join(', ')}`,
    projects,
    run,
    resourceManager,
    close: async () => {
      await Promise.all([run.close(), resourceManager.close()]);
    },
  };
}
