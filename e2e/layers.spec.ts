import { type APIRequestContext, expect, test } from '@playwright/test';
import { graphResponseSchema, serviceDetailSchema } from '../shared/api.ts';
import { node, startFromFirstSnapshot } from './support/demo-ready.ts';

// Map layers (issue 6): event sources and load balancers shown by default, backing resources on
// demand, the choice kept in the URL; the panel lists every way a request can arrive.
const apiGateway = 'projects/platform-prod/locations/us-central1/services/api-gateway';

startFromFirstSnapshot();

async function nodesOfKind(request: APIRequestContext) {
  const graph = graphResponseSchema.parse(await (await request.get('/api/graph')).json());
  const ofKind = (kind: string) => graph.nodes.filter((n) => n.kind === kind).map((n) => n.id);
  return { events: ofKind('event-source'), balancers: ofKind('load-balancer'), backing: ofKind('backing') };
}

test('the map shows event sources and load balancers by default, backing resources not', async ({
  page,
  request,
}) => {
  const { events, balancers, backing } = await nodesOfKind(request);
  expect(events.length).toBeGreaterThan(0);
  expect(balancers.length).toBeGreaterThan(0);
  expect(backing.length).toBeGreaterThan(0);

  await page.goto('/map');
  for (const id of [...events, ...balancers]) await expect(page.locator(node(id))).toHaveCount(1);
  await expect(page.locator(node(backing[0] ?? ''))).toHaveCount(0);
  await expect(page.locator('.react-flow__edge .kinded-edge--event').first()).toBeAttached();
  await page.screenshot({ path: 'test-results/artifacts/layers.png' });
});

test('toggling a layer hides or shows its nodes and updates the URL', async ({ page, request }) => {
  test.slow(); // several re-layouts of the whole estate
  const { events, balancers, backing } = await nodesOfKind(request);
  await page.goto('/map');
  await expect(page.locator(node(balancers[0] ?? ''))).toHaveCount(1);

  const toolbar = page.getByRole('toolbar', { name: 'Map filters' });
  await toolbar.getByRole('button', { name: 'Load balancers' }).click();
  await expect(page).toHaveURL(/layers=events(&|$)/);
  await expect(page.locator(node(balancers[0] ?? ''))).toHaveCount(0);
  await expect(page.locator(node(events[0] ?? ''))).toHaveCount(1);
  // The exposure the load balancers carried stays: the Internet still reaches the services behind them.
  await expect(page.locator(node('internet'))).toHaveCount(1);

  await toolbar.getByRole('button', { name: 'Event sources' }).click();
  await expect(page).toHaveURL(/layers=none/);
  await expect(page.locator(node(events[0] ?? ''))).toHaveCount(0);

  await toolbar.getByRole('button', { name: 'Backing' }).click();
  await expect(page).toHaveURL(/layers=backing/);
  await expect(page.locator(node(backing[0] ?? ''))).toHaveCount(1);
  await expect(toolbar.getByRole('button', { name: 'Backing' })).toHaveAttribute('aria-pressed', 'true');

  // Back returns to the previous selection.
  await page.goBack();
  await expect(page).toHaveURL(/layers=none/);
  await expect(page.locator(node(backing[0] ?? ''))).toHaveCount(0);
});

test('focusing a service keeps the layers in the URL', async ({ page }) => {
  await page.goto('/map?layers=events,lbs,backing');
  await page.locator(node(apiGateway)).click();
  await expect(page).toHaveURL(/focus=/);
  expect(new URL(page.url()).searchParams.get('layers')).toBe('events,lbs,backing');
});

test('the panel of api-gateway lists its ways in, the load balancer among them', async ({
  page,
  request,
}) => {
  const detail = serviceDetailSchema.parse(
    await (await request.get(`/api/services/${encodeURIComponent(apiGateway)}`)).json(),
  );
  expect(detail.arrivalPaths.map((p) => p.kind)).toEqual(['default-url', 'load-balancer', 'internal']);

  await page.goto(`/map?focus=${encodeURIComponent(apiGateway)}`);
  const panel = page.getByRole('complementary', { name: 'Service details' });
  const ways = panel.getByRole('list', { name: 'Ways in' });
  await expect(ways.getByRole('listitem')).toHaveCount(3);
  const viaLb = ways.locator('[data-path-kind="load-balancer"]');
  await expect(viaLb).toContainText('api-https');
  await expect(viaLb).toContainText('Cloud Armor api-armor');
  await expect(viaLb).toContainText('no IAP');
  await expect(ways.locator('[data-path-kind="default-url"]')).toContainText('Default run.app URL');
  await page.screenshot({ path: 'test-results/artifacts/ways-in.png' });
});
