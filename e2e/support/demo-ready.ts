import { expect, test } from '@playwright/test';

/** A node of the map by its id (a full resource name, or `internet`). */
export const node = (id: string): string => `.react-flow__node[data-id="${id}"]`;

/**
 * Every spec starts from the same data (the first snapshot of the demo world) and fails on any
 * uncaught error in the page.
 */
export function startFromFirstSnapshot(): void {
  test.beforeEach(async ({ page, request }) => {
    await expect
      .poll(async () => (await (await request.get('/api/status')).json()).snapshotAt, { timeout: 30_000 })
      .not.toBeNull();
    page.on('pageerror', (error) => {
      throw error;
    });
  });
}
