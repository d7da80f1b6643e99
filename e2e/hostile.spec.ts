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

// Bidi overrides and invisible characters must be shown, not obeyed: `admin\u202Emoc.elpmaxe@evil.com`
// would read as "adminlive@example.com moc." in the invoker table. displayText() (web/src/lib) shows
// each one as a marker such as ⟨U+202E⟩, wherever the console renders data.
const HIDDEN = /[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\u061C\uFEFF]/;
const SPOOFED_MEMBER = 'user:admin\u202Emoc.elpmaxe@evil.com';

test('bidi overrides and invisible characters are shown, not obeyed', async ({ page }) => {
  await page.goto(`${server.url}/map?focus=${encodeURIComponent(LABEL_BOMB)}`);
  const panel = page.getByRole('complementary', { name: 'Service details' });
  await expect(panel.getByRole('heading', { name: 'label-bomb' })).toBeVisible();
  expect(await panel.innerText()).not.toMatch(HIDDEN);
  // The spoofed member reads as what it is, its override shown as a marker.
  await expect(panel).toContainText('admin⟨U+202E⟩moc.elpmaxe@evil.com');
  await page.screenshot({ path: 'test-results/artifacts/hostile-bidi-panel.png' });

  await page.locator(node(ENV_NAMES)).click();
  await expect(panel.getByRole('heading', { name: 'env-names' })).toBeVisible();
  expect(await panel.innerText()).not.toMatch(HIDDEN);
  await expect(panel).toContainText('pay⟨U+200B⟩ments⟨U+2066⟩-isolate⟨U+2069⟩');

  // The whole map (node labels, tooltips) and the other views too.
  await page.goto(`${server.url}/map`);
  await expect(page.locator(node(LABEL_BOMB))).toHaveCount(1);
  expect(await page.locator('body').innerText()).not.toMatch(HIDDEN);
  const titles = await page
    .locator('[title]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('title') ?? ''));
  for (const title of titles) expect(title).not.toMatch(HIDDEN);

  await page.goto(`${server.url}/findings`);
  await expect(page.locator('tr[data-finding-id]').first()).toBeVisible();
  expect(await page.locator('body').innerText()).not.toMatch(HIDDEN);

  await page.goto(`${server.url}/access`);
  await expect(page.locator('li[data-member]').first()).toBeVisible();
  expect(await page.locator('body').innerText()).not.toMatch(HIDDEN);
  await page.goto(`${server.url}/access?principal=${encodeURIComponent(SPOOFED_MEMBER)}`);
  const heading = page.getByRole('article').getByRole('heading', { level: 2 });
  await expect(heading).toHaveText('user:admin⟨U+202E⟩moc.elpmaxe@evil.com');
  expect(await page.locator('body').innerText()).not.toMatch(HIDDEN);
  await page.screenshot({ path: 'test-results/artifacts/hostile-bidi-access.png' });
});

test('10 kB finding messages are cut in the table and whole in the detail', async ({ page }) => {
  await page.goto(`${server.url}/findings`);
  const rows = page.locator('tr[data-finding-id]');
  await expect(rows.first()).toBeVisible();
  const heights = await rows.evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect().height));
  expect(Math.max(...heights)).toBeLessThan(160);
  // The longest message, opened: its full text is one "Show all" away.
  const longest = await rows.evaluateAll(
    (trs) =>
      trs
        .map((tr) => ({
          id: tr.getAttribute('data-finding-id') ?? '',
          title: tr.querySelector('.message [title]'),
        }))
        .find((row) => row.title !== null)?.id,
  );
  expect(longest, 'the hostile world has a finding with a very long message').toBeDefined();
  const row = page.locator(`tr[data-finding-id="${longest}"]`);
  await row.getByRole('button', { name: /^Details of/ }).click();
  const message = page.locator(`[data-detail-of="${longest}"] .finding-detail__message`);
  const toggle = message.getByRole('button', { name: /^Show all/ });
  if (await toggle.count()) {
    await toggle.click();
    await expect(message.getByRole('button', { name: 'Show less' })).toBeVisible();
  }
  expect((await message.innerText()).length).toBeGreaterThan(1_000);
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
});
