import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { graphResponseSchema } from '../shared/api.ts';
import { type RunmapServer, startRunmap } from './support/runmap-server.ts';
import { watchPage } from './support/watch-page.ts';

// The bundled hostile world (scripts/gen-hostile-world.ts): script tags, javascript: URLs, bidi
// overrides and 10 kB strings in every free-text field. The console must render it inert and readable.
const WORLD = 'server/fake-google/worlds/hostile.world.json';
const world = JSON.parse(readFileSync(WORLD, 'utf8')) as {
  projects: { services: { name: string }[]; jobs: { name: string }[] }[];
};
const workloads = world.projects.flatMap((p) => [...p.services, ...p.jobs].map((w) => w.name));
const LABEL_BOMB = 'projects/hostile-prod/locations/europe-west1/services/label-bomb';
const ENV_NAMES = 'projects/hostile-prod/locations/europe-west1/services/env-names';
/** Literal env values of the world: none may leave the server. */
const LITERALS = ['RUNMAPHOSTILELEAK01', 'sk_live_'];

let server: RunmapServer;
test.beforeAll(async () => {
  server = await startRunmap({ port: Number(process.env.RUNMAP_E2E_HOSTILE_PORT ?? 4518), world: WORLD });
});
test.afterAll(async () => {
  await server?.stop();
});

const node = (id: string) => `.react-flow__node[data-id="${id}"]`;

/** Elements that only exist if data was parsed as markup. */
async function injectedElements(page: Page): Promise<number> {
  return page.locator('script:not([src]), [onerror], [onload], iframe, object, embed').count();
}

/**
 * Every link on the page: relative to the console, or http(s) to Cloud Run or Google's console.
 * React Flow's fixed attribution link is the one link built from neither the app nor its data.
 */
async function badLinks(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((links) =>
      links.filter((a) => !a.closest('.react-flow__attribution')).map((a) => a.getAttribute('href') ?? ''),
    );
  return hrefs.filter((href) => {
    if (/^(\/(?!\/)|#|\?)/.test(href)) return false;
    try {
      const url = new URL(href);
      return !(
        (url.protocol === 'https:' || url.protocol === 'http:') &&
        (/\.run\.app$/.test(url.hostname) || url.hostname === 'console.cloud.google.com')
      );
    } catch {
      return true;
    }
  });
}

test('the hostile world renders inert: no script runs, no markup is injected, every link is safe', async ({
  page,
}) => {
  const watch = await watchPage(page);
  await page.goto(`${server.url}/map`);
  for (const id of workloads) await expect(page.locator(node(id))).toHaveCount(1);

  // The most hostile service: its panel shows labels, env names, invokers, URLs and images.
  await page.locator(node(LABEL_BOMB)).click();
  const panel = page.getByRole('complementary', { name: 'Service details' });
  await expect(panel.getByRole('heading', { name: 'label-bomb' })).toBeVisible();
  // The payloads are shown as text, so the reviewer sees exactly what was deployed.
  await expect(panel).toContainText('<script>window.__pwned=1</script>');
  await expect(panel).toContainText('<img src=x onerror="window.__pwned=1">');
  expect(await badLinks(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/artifacts/hostile-panel.png' });

  await page.locator(node(ENV_NAMES)).click();
  await expect(panel.getByRole('heading', { name: 'env-names' })).toBeVisible();
  await expect(panel).toContainText('javascript:window.__pwned=1');
  expect(await badLinks(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/artifacts/hostile-env-names.png' });

  await page.goto(`${server.url}/findings`);
  await expect(page.locator('tr[data-finding-id]').first()).toBeVisible();
  expect(await badLinks(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/artifacts/hostile-findings.png' });

  await page.waitForTimeout(500); // give any injected handler (img onerror, svg onload) time to fire
  expect(await watch.pwned(), 'window.__pwned was set: hostile data ran as script').toBeUndefined();
  expect(await injectedElements(page)).toBe(0);
  expect(watch.dialogs).toEqual([]);
  expect(await watch.violations()).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('10 kB strings stay readable: the page never scrolls sideways and the panel keeps its width', async ({
  page,
}) => {
  await page.goto(`${server.url}/map?focus=${encodeURIComponent(LABEL_BOMB)}`);
  const panel = page.getByRole('complementary', { name: 'Service details' });
  await expect(panel.getByRole('heading', { name: 'label-bomb' })).toBeVisible();
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  const box = await panel.boundingBox();
  expect(box?.width ?? 0).toBeLessThan(viewport.width * 0.6);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const route of ['/findings']) {
    await page.goto(`${server.url}${route}`);
    await expect(page.locator('tr[data-finding-id]').first()).toBeVisible();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
  }
});

test('no literal env value of the hostile world appears in any API answer', async ({ request }) => {
  const graph = graphResponseSchema.parse(await (await request.get(`${server.url}/api/graph`)).json());
  const answers = [
    JSON.stringify(graph),
    await (await request.get(`${server.url}/api/findings`)).text(),
    await (await request.get(`${server.url}/api/status`)).text(),
  ];
  for (const id of workloads) {
    answers.push(await (await request.get(`${server.url}/api/services/${encodeURIComponent(id)}`)).text());
  }
  for (const answer of answers) for (const literal of LITERALS) expect(answer).not.toContain(literal);
});

// Bidi overrides and invisible characters are obeyed by the browser today: `admin\u202Emoc.elpmaxe@evil.com`
// reads as "adminlive@example.com moc." in the invoker table. The web app should show such characters
// (e.g. as ⟨U+202E⟩) rather than obey them; this spec turns green once it does.
test.fixme('bidi overrides and invisible characters are shown, not obeyed', async ({ page }) => {
  await page.goto(`${server.url}/map?focus=${encodeURIComponent(LABEL_BOMB)}`);
  const panel = page.getByRole('complementary', { name: 'Service details' });
  await expect(panel.getByRole('heading', { name: 'label-bomb' })).toBeVisible();
  expect(await panel.innerText()).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/);
});
