import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { node, startFromFirstSnapshot } from './support/demo-ready.ts';

// The demo world's incident (server/fake-google/worlds/demo.expected.md): since now − 40 min payment's
// calls to Stripe time out, order fails the checkouts, and both frontends answer some 5xx. Users call
// the frontend; the root cause is two hops below it.
const service = (region: string, name: string) => `projects/shop-prod/locations/${region}/services/${name}`;
const frontend = service('europe-west1', 'frontend');
const order = service('europe-west1', 'order');
const payment = service('europe-west1', 'payment');
const auth = service('europe-west1', 'auth');

const panel = (page: Page) => page.getByRole('complementary', { name: 'Service details' });

/** Times measured in the browser, kept across tests (and workers) in one file for the report. */
/**
 * Milliseconds from `since` (the page's clock) until `selector` matches, checked on every frame, so
 * that the figure is the page's and not the test runner's polling.
 */
async function msUntil(page: Page, since: number, selector: string): Promise<number> {
  const handle = await page.waitForFunction(
    ([t0, css]) => (document.querySelector(css as string) ? performance.now() - (t0 as number) : null),
    [since, selector] as const,
    { polling: 'raf' },
  );
  return Math.round((await handle.jsonValue()) as number);
}

const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** How long the page's last request whose URL holds `part` took, from Resource Timing. */
const requestMs = (page: Page, part: string): Promise<number> =>
  page.evaluate((part) => {
    const entries = performance.getEntriesByType('resource').filter((entry) => entry.name.includes(part));
    return Math.round(entries[entries.length - 1]?.duration ?? -1);
  }, part);

function recordTiming(name: string, ms: number): void {
  const file = 'test-results/artifacts/observability-timings.json';
  mkdirSync('test-results/artifacts', { recursive: true });
  let timings: Record<string, number> = {};
  try {
    timings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
  } catch {
    // the first measurement of the run
  }
  writeFileSync(file, `${JSON.stringify({ ...timings, [name]: ms }, null, 2)}\n`);
}

startFromFirstSnapshot();

test('the incident is traceable from the map to its root cause', async ({ page }) => {
  // The whole drill-down in one go, with a reload of its deep link: longer than one view.
  test.setTimeout(60_000);
  await page.goto('/map');
  // The map is drawn from the snapshot; traffic arrives on top of it.
  await expect(page.locator(node(frontend))).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('traffic-status')).toContainText(/observed edges?/);
  // Failing services carry their 5xx share on the node; the failing edges their error share.
  await expect(page.locator(`${node(payment)} .wl-health--failing`)).toBeVisible();
  await expect(page.locator('.traffic-label--failing').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/artifacts/observability-map.png' });

  await page.locator(node(frontend)).click();
  const strip = panel(page).getByTestId('health-strip');
  await expect(strip).toContainText(/degraded|failing/i);
  await strip.getByRole('button', { name: 'Follow the failure' }).click();

  await expect(page).toHaveURL(/follow=/);
  expect(new URL(page.url()).searchParams.get('follow')).toBe(frontend);
  const banner = page.getByTestId('follow-banner');
  await expect(banner.getByRole('button', { name: 'payment' })).toBeVisible();
  await expect(banner).toContainText('Root cause');
  await expect(banner).toContainText(/frontend\s*→\s*order\s*→\s*payment/);

  // The path is lit, payment is named on the map, the rest is dimmed.
  await expect(page.locator(node(payment))).toHaveClass(/map-root-cause/);
  for (const id of [frontend, order, payment])
    await expect(page.locator(node(id))).not.toHaveClass(/map-dimmed/);
  await expect(page.locator(node(auth))).toHaveClass(/map-dimmed/);
  await expect(page.locator(`[data-edge-id="observed:${order}->${payment}"]`)).toHaveClass(
    /traffic-label--lit/,
  );
  await page.waitForTimeout(500); // the path is brought into view
  await page.screenshot({ path: 'test-results/artifacts/observability-follow.png' });

  // The root cause opens in one click, the followed path staying lit; the URL is a deep link.
  await banner.getByRole('button', { name: 'payment' }).click();
  await expect(panel(page).getByRole('heading', { name: 'payment' })).toBeVisible();
  const url = page.url();
  await page.goto(url);
  await expect(page.getByTestId('follow-banner')).toContainText('Root cause');
  await expect(page.locator(node(payment))).toHaveClass(/map-root-cause/);
});

test('the Signals tab shows the golden signals as charts in the panel', async ({ page }) => {
  await page.goto('/map');
  await expect(page.locator(node(payment))).toBeVisible({ timeout: 30_000 });
  const started = await pageNow(page);
  await page.locator(node(payment)).click();
  await panel(page).getByRole('tab', { name: 'Signals' }).click();
  const signals = panel(page).getByTestId('signals-panel');
  await expect(signals.locator('[data-signal="rate"] .chart__svg path').first()).toBeVisible();
  // From the click on the node: the panel opens and the charts are drawn.
  recordTiming(
    'nodeClickToSignalsChartMs',
    await msUntil(page, started, '[data-signal="rate"] .chart__svg path'),
  );
  recordTiming('signalsRequestMs', await requestMs(page, '/signals?'));
  expect(new URL(page.url()).searchParams.get('tab')).toBe('signals');

  for (const signal of ['rate', 'errors', 'latency', 'instances']) {
    const card = signals.locator(`[data-signal="${signal}"]`);
    await expect(card.locator('.chart__svg')).toBeVisible();
    // Drawn in the page, inside the panel: not a picture from elsewhere, not cut off.
    const box = await card.boundingBox();
    const panelBox = await panel(page).boundingBox();
    expect(box && panelBox && box.x >= panelBox.x && box.x + box.width <= panelBox.x + panelBox.width).toBe(
      true,
    );
  }
  // Payment is failing in the last hour: its 5xx share is shown, and the chart has a line.
  await expect(signals.locator('[data-signal="errors"] .signal-card__figure')).toHaveText(/\d+(\.\d+)?%/);
  await expect(signals.locator('[data-signal="errors"] path[stroke="#dc2626"]')).toHaveAttribute('d', /L/);

  // The chart reads its values out from the keyboard.
  const chart = signals.locator('[data-signal="errors"] .chart');
  await chart.focus();
  await page.keyboard.press('End');
  await expect(chart).toHaveAttribute('aria-valuetext', /5xx \d/);

  // Deep links into the console open in a new tab, without opener.
  const links = signals.getByRole('navigation', { name: 'Open in Google Cloud console' }).getByRole('link');
  await expect(links).toHaveCount(5);
  for (const link of await links.all()) {
    await expect(link).toHaveAttribute('href', /^https:\/\/console\.cloud\.google\.com\//);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  }
  await page.screenshot({ path: 'test-results/artifacts/observability-signals.png' });

  // Another window: the range is in the URL and the charts follow it.
  await page.getByRole('radio', { name: '6 h' }).check();
  await expect(page).toHaveURL(/range=6h/);
  await expect(signals.locator('.obs-panel__lede')).toContainText('6 hours');
});

test('an error group opens its sample trace as a waterfall, its path lit on the map', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(`/map?focus=${encodeURIComponent(payment)}`);
  // As a user would: the map is there and the panel open before the tab is chosen.
  await expect(page.locator(node(payment))).toBeVisible({ timeout: 30_000 });
  await expect(panel(page).getByRole('heading', { name: 'payment' })).toBeVisible();
  const started = await pageNow(page);
  await panel(page).getByRole('tab', { name: 'Errors' }).click();
  const errors = panel(page).getByTestId('errors-panel');
  const group = errors
    .locator('.error-group')
    .filter({ has: page.getByRole('button', { name: 'Open sample trace' }) });
  await expect(group.first()).toBeVisible();
  recordTiming('errorsTabClickToGroupsMs', await msUntil(page, started, '.error-group'));
  recordTiming('errorsRequestMs', await requestMs(page, '/errors?'));
  await page.screenshot({ path: 'test-results/artifacts/observability-errors.png' });
  const opened = await pageNow(page);
  await group.first().getByRole('button', { name: 'Open sample trace' }).click();

  await expect(page).toHaveURL(/trace=/);
  const drawer = page.getByTestId('trace-drawer');
  await expect(drawer.locator('.wf-row').first()).toBeVisible();
  recordTiming('sampleTraceClickToWaterfallMs', await msUntil(page, opened, '.wf-row'));
  expect(await drawer.locator('.wf-row').count()).toBeGreaterThan(2);
  await expect(drawer.locator('.wf-row--error').first()).toBeVisible();
  // Spans across services: payment's among them, each service with its colour key.
  await expect(drawer.getByRole('list', { name: /Services on this trace/ })).toContainText('payment');

  // The trace's path is lit on the map, the rest dimmed.
  await expect(page.locator(node(payment))).toHaveClass(/map-lit/);
  await expect(page.locator('.react-flow__node.map-dimmed').first()).toBeAttached();

  // The waterfall is keyboard reachable: arrows move between spans, Enter shows one.
  await drawer.locator('.wf-row').first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(drawer.getByRole('region', { name: 'Span details' })).toBeVisible();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'test-results/artifacts/observability-waterfall.png' });

  // The trace is a deep link.
  const url = page.url();
  await page.goto(url);
  await expect(page.getByTestId('trace-drawer').locator('.wf-row').first()).toBeVisible();
  await expect(page.locator(node(payment))).toHaveClass(/map-lit/);
});

test('the Traces tab lists traces through the service and opens one', async ({ page }) => {
  await page.goto(`/map?focus=${encodeURIComponent(order)}&tab=traces`);
  const traces = panel(page).getByTestId('traces-panel');
  const first = traces.locator('.trace-item').first();
  await expect(first).toBeVisible();
  await first.click();
  await expect(page).toHaveURL(/trace=/);
  await expect(first).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('trace-drawer').locator('.wf-row').first()).toBeVisible();
  // Escape in the drawer closes it and leaves the panel open.
  await page.getByTestId('trace-drawer').locator('.wf-row').first().focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('trace-drawer')).toHaveCount(0);
  await expect(panel(page)).toBeVisible();
  expect(new URL(page.url()).searchParams.get('trace')).toBeNull();
  // Following toggles: pressed again, it stops.
  await panel(page).getByRole('button', { name: 'Follow the failure' }).click();
  await expect(page.getByTestId('follow-banner')).toBeVisible();
  await expect(panel(page).getByRole('button', { name: 'Follow the failure' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await panel(page).getByRole('button', { name: 'Follow the failure' }).click();
  await expect(page.getByTestId('follow-banner')).toHaveCount(0);
});

test('panel tabs are keyboard reachable and kept in the URL', async ({ page }) => {
  await page.goto(`/map?focus=${encodeURIComponent(payment)}`);
  const tabs = panel(page).getByRole('tablist', { name: 'Service views' });
  await tabs.getByRole('tab', { name: 'Overview' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: 'Signals' })).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.getByRole('tab', { name: 'Signals' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page).toHaveURL(/tab=traces/);
  await page.keyboard.press('Home');
  await expect(page).not.toHaveURL(/tab=/);
});
