import { expect, test } from '@playwright/test';
import { principalAccessSchema, principalsResponseSchema } from '../shared/access.ts';
import { node, startFromFirstSnapshot } from './support/demo-ready.ts';

// Against the demo world (playwright.config.ts): who may invoke what, from both ends.

startFromFirstSnapshot();

test('the access view lists allUsers as a broad principal, apart from the named ones', async ({ page }) => {
  await page.goto('/access');
  const list = page.getByRole('region', { name: 'Principals' });
  const allUsers = list.locator('li[data-member="allUsers"]');
  await expect(allUsers).toContainText('Anyone on the internet');
  await expect(allUsers.locator('a')).toHaveClass(/principal--danger/);
  await expect(list.locator('li[data-member="allAuthenticatedUsers"] a')).toHaveClass(/principal--warning/);
  // Broad principals come first, under their own heading.
  const headings = await list.getByRole('heading').allInnerTexts();
  expect(headings[0]).toMatch(/Broad principals/i);
  await page.screenshot({ path: 'test-results/artifacts/access.png' });

  // The kind filter narrows the list and lives in the URL.
  await list.getByRole('link', { name: /Service accounts/ }).click();
  await expect(page).toHaveURL(/kind=serviceAccount/);
  await expect(list.locator('li[data-member="allUsers"]')).toHaveCount(0);
  await expect(list.locator('li[data-member^="serviceAccount:"]').first()).toBeVisible();
});

test('a service account shows every workload it may invoke and what runs as it, and lights them on the map', async ({
  page,
  request,
}) => {
  const principals = principalsResponseSchema.parse(
    await (await request.get('/api/access/principals')).json(),
  );
  const account = principals.principals.find(
    (p) => p.kind === 'serviceAccount' && p.grants > 0 && p.mayInvoke > 0 && p.runsAs > 0,
  );
  expect(account, 'the demo world has a service account with grants that also runs a workload').toBeDefined();
  const member = account?.member ?? '';
  const access = principalAccessSchema.parse(
    await (await request.get(`/api/access/principals/${encodeURIComponent(member)}`)).json(),
  );

  await page.goto('/access');
  await page.locator(`li[data-member="${member}"] a`).click();
  await expect(page).toHaveURL(new RegExp(`principal=${encodeURIComponent(member)}`));
  const detail = page.getByRole('article');
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(member);
  const resources = [...new Set(access.mayInvoke.map((i) => i.resource))];
  await expect(
    detail.getByRole('heading', { name: `May invoke ${resources.length} workload` }),
  ).toBeVisible();
  for (const invocable of access.mayInvoke) {
    const row = detail.locator(`tr[data-resource="${invocable.resource}"]`);
    await expect(row.first()).toBeVisible();
    if (invocable.role) await expect(row.filter({ hasText: invocable.role }).first()).toBeVisible();
  }
  for (const workload of access.runsAs) {
    await expect(detail.locator(`li[data-resource="${workload}"]`)).toBeVisible();
  }
  // The export is a CSV of the same rows.
  const csvHref = (await detail.getByTestId('principal-csv').getAttribute('href')) ?? '';
  const csv = await request.get(csvHref);
  expect(csv.headers()['content-type']).toMatch(/text\/csv/);
  expect((await csv.text()).trim().split('\n')).toHaveLength(access.mayInvoke.length + 1);
  await page.screenshot({ path: 'test-results/artifacts/access-principal.png' });

  // "What can it invoke" on the map: those workloads lit, every other one dimmed.
  await detail.getByRole('link', { name: 'Highlight on the map' }).click();
  await expect(page).toHaveURL(/\/map\?highlight=/);
  await expect(page.getByRole('status').filter({ hasText: 'may invoke' })).toContainText(
    `the ${resources.length} workload`,
  );
  for (const resource of resources) await expect(page.locator(node(resource))).toHaveClass(/map-lit/);
  await expect(page.locator('.react-flow__node-workload.map-lit')).toHaveCount(resources.length);
  await expect(page.locator('.react-flow__node-workload.map-dimmed').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/artifacts/map-highlight.png' });

  // Focusing a lit node keeps the highlight.
  await page.locator(node(resources[0] ?? '')).click();
  expect(new URL(page.url()).searchParams.get('highlight')).toBe(member);
  await page.getByRole('link', { name: 'Clear highlight' }).click();
  await expect(page.locator('.react-flow__node.map-dimmed')).toHaveCount(0);
});

test('a principal is keyboard reachable and deep-linkable', async ({ page }) => {
  await page.goto(`/access?principal=${encodeURIComponent('allUsers')}`);
  await expect(page.getByRole('article').getByRole('heading', { level: 2 })).toHaveText('allUsers');
  await expect(page.getByRole('article')).toContainText('Anyone on the internet');
  await expect(page.locator('li[data-member="allUsers"] a')).toHaveAttribute('aria-current', 'page');
  await page.getByRole('searchbox', { name: 'Filter principals' }).fill('allAuth');
  await expect(page).toHaveURL(/q=allAuth/);
  await expect(page.locator('li[data-member="allUsers"]')).toHaveCount(0);
  // Tab from the filter box through the kind links to the principal, then Enter opens it.
  const target = page.locator('li[data-member="allAuthenticatedUsers"] a');
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(target).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/principal=allAuthenticatedUsers/);
  await expect(page.getByRole('article').getByRole('heading', { level: 2 })).toHaveText(
    'allAuthenticatedUsers',
  );
  // Once picked, the detail's heading takes the focus for keyboard and screen-reader users.
  await expect(page.getByRole('article').getByRole('heading', { level: 2 })).toBeFocused();
});

test('the side panel exports who may invoke a service as CSV', async ({ page, request }) => {
  await page.goto(
    `/map?focus=${encodeURIComponent('projects/platform-prod/locations/us-central1/services/billing-grpc')}`,
  );
  const panel = page.getByRole('complementary', { name: 'Service details' });
  const link = panel.getByTestId('invokers-csv');
  await expect(link).toBeVisible();
  const response = await request.get((await link.getAttribute('href')) ?? '');
  expect(response.ok()).toBe(true);
  expect(response.headers()['content-type']).toMatch(/text\/csv/);
  expect(await response.text()).toMatch(/^member,kind,broad,role,grantedOn/);
  expect(await response.text()).toContain('allUsers');
});

test('an unknown IAM member form gets a clear error, not a blank page', async ({ page }) => {
  await page.goto(`/access?principal=${encodeURIComponent('not a member')}`);
  await expect(page.getByRole('alert')).toContainText(/not an IAM member/);
});
