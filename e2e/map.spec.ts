import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { graphResponseSchema } from '../shared/api.ts';
import { node, startFromFirstSnapshot } from './support/demo-ready.ts';

// The server under test serves the demo world (playwright.config.ts); its resource names come from the file.
const world = JSON.parse(readFileSync('server/fake-google/worlds/demo.world.json', 'utf8')) as {
  projects: { services?: { name: string }[]; jobs?: { name: string }[] }[];
};
const workloadNames = world.projects.flatMap((p) =>
  [...(p.services ?? []), ...(p.jobs ?? [])].map((w) => w.name),
);

startFromFirstSnapshot();

test('the map renders every service and job of the demo world', async ({ page }) => {
  await page.goto('/');
  for (const name of workloadNames) {
    await expect(page.locator(node(name))).toHaveCount(1);
  }
  await expect(page.locator(node('internet'))).toHaveCount(1);
  await page.screenshot({ path: 'test-results/artifacts/map.png' });
});

test('clicking an overexposed node shows why it is overexposed', async ({ page, request }) => {
  const graph = graphResponseSchema.parse(await (await request.get('/api/graph')).json());
  const overexposed = graph.nodes.find((n) => n.kind === 'service' && n.exposure.verdict === 'overexposed');
  expect(overexposed, 'the demo world has an overexposed service').toBeDefined();
  const id = overexposed?.id ?? '';
  const detail = await (await request.get(`/api/services/${encodeURIComponent(id)}`)).json();

  await page.goto('/map');
  await page.locator(node(id)).click();
  const panel = page.getByRole('complementary', { name: 'Service details' });
  await expect(panel.getByRole('heading', { name: overexposed?.label })).toBeVisible();
  await expect(panel).toContainText(/overexposed/i);
  // The reasons the core gave are shown, so the reviewer sees why.
  for (const reason of detail.exposure.reasons as string[]) await expect(panel).toContainText(reason);
  expect(new URL(page.url()).searchParams.get('focus')).toBe(id);
  await page.screenshot({ path: 'test-results/artifacts/panel.png' });
});

test('a findings row focuses its node on the map', async ({ page }) => {
  await page.goto('/findings');
  const row = page.locator('tr[data-finding-id]').first();
  await expect(row).toBeVisible();
  const findingId = (await row.getAttribute('data-finding-id')) ?? '';
  const resource = findingId.replace(/^[^:]+:/, '').replace(/#.*$/, '');
  await page.screenshot({ path: 'test-results/artifacts/findings.png' });
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/map\?/);
  expect(new URL(page.url()).searchParams.get('focus')).toBe(resource);
  await expect(page.locator(node(resource))).toHaveClass(/selected/);
  await expect(page.getByRole('complementary', { name: 'Service details' })).toBeVisible();
});

test('the search box focuses a service', async ({ page }) => {
  const target = workloadNames[0] ?? '';
  const shortName = target.split('/').pop() ?? '';
  await page.goto('/map');
  await page.getByRole('searchbox', { name: 'Find a service' }).fill(shortName);
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('complementary', { name: 'Service details' }).getByRole('heading', { name: shortName }),
  ).toBeVisible();
});

test('a deep link reopens the panel of the focused service', async ({ page }) => {
  const target = workloadNames[1] ?? '';
  await page.goto(`/map?focus=${encodeURIComponent(target)}`);
  await expect(
    page
      .getByRole('complementary', { name: 'Service details' })
      .getByRole('heading', { name: target.split('/').pop() }),
  ).toBeVisible();
});
