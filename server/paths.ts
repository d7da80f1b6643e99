import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root, found by walking up from this file: the same code runs from server/ (tsx, tests)
 * and from dist/server/ (built), and bundled assets (worlds, the web build) sit relative to the root.
 */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error('runmap: cannot find the package root (no package.json above this file)');
    dir = parent;
  }
  return dir;
}

export const demoWorldPath = (): string =>
  path.join(packageRoot(), 'server/fake-google/worlds/demo.world.json');
export const webRootPath = (): string => path.join(packageRoot(), 'dist/web');
