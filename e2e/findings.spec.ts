import { expect, test } from '@playwright/test';
import { graphResponseSchema } from '../shared/api.ts';
import { auditReportSchema } from '../shared/audit.ts';
import { node, startFromFirstSnapshot } from './support/demo-ready.ts';
import { type RunmapServer, startRunmap } from './support/runmap-server.ts';

// The findings view against the demo world (playwright.config.ts), and waivers against the
// security world with its policy file, served by a second server.

startFromFirstSnapshot();

test('the severity matrix counts by project and each cell filters the table', async ({ page, request }) => {
  const audit = auditReportSchema.parse(await (await request.get('/api/audit')).json());
  const findings = audit.findings;
  const platformHigh = findings.filter((f) => f.project === 'platform-prod' && f.severity === 'high');
  expect(platformHigh.length, 'the demo world has high findings in platform-prod').toBeGreaterThan(0);

  await page.goto('/findings');
  const matrix = page.getByRole('region', { name: /By project and severity/ });
  for (const project of new Set(findings.map((f) => f.project))) {
    await expect(matrix.locator(`tr[data-project="${project}"] th`)).toHaveText(project);
  }
  const cell = matrix.locator('tr[data-project="platform-prod"] td[data-severity="high"] a');
  await expect(cell).toHaveAccessibleName(
    `${platformHigh.length} high finding${platformHigh.length === 1 ? '' : 's'} in platform-prod`,
  );
  await page.screenshot({ path: 'test-results/artifacts/findings-matrix.png' });
  await cell.click();

  await expect(page).toHaveURL(/project=platform-prod/);
  expect(new URL(page.url()).searchParams.get('severity')).toBe('high');
  const rows = page.locator('tr[data-finding-id]');
  await expect(rows).toHaveCount(platformHigh.length);
  for (const id of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-finding-id')))) {
    expect(platformHigh.map((f) => f.id)).toContain(id);
  }
  await expect(page.getByRole('combobox', { name: 'Project' })).toHaveValue('platform-prod');
  await expect(page.getByRole('combobox', { name: 'Severity' })).toHaveValue('high');
  await expect(cell).toHaveAttribute('aria-current', 'page');

  // Back restores the unfiltered list: filters live in the URL.
  await page.goBack();
  await expect(rows).toHaveCount(findings.length);
});

test('a finding shows its full evidence and both remediations, each with a copy button', async ({
  page,
  request,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const audit = auditReportSchema.parse(await (await request.get('/api/audit')).json());
  const finding = audit.findings.find((f) => f.evidence.length >= 2);
  expect(finding, 'the demo world has a finding with several pieces of evidence').toBeDefined();
  if (!finding) return;

  await page.goto('/findings');
  const row = page.locator(`tr[data-finding-id="${finding.id}"]`);
  await row.getByRole('button', { name: /^Details of/ }).click();
  await expect(row.getByRole('button', { name: /^Details of/ })).toHaveAttribute('aria-expanded', 'true');
  expect(new URL(page.url()).searchParams.get('finding')).toBe(finding.id);
  const detail = page.locator(`[data-detail-of="${finding.id}"]`);
  for (const item of finding.evidence) {
    await expect(detail.locator('dt', { hasText: item.path }).first()).toBeVisible();
    await expect(detail.locator('dd', { hasText: item.value }).first()).toBeVisible();
  }
  await expect(detail.locator('.copy-block', { hasText: 'gcloud' })).toContainText(
    finding.remediation.gcloud,
  );
  const terraform = detail.locator('.copy-block', { hasText: 'Terraform' });
  await expect(terraform.locator('code')).toHaveText(finding.remediation.terraform);
  await terraform.getByRole('button', { name: 'Copy Terraform' }).click();
  await expect(terraform.getByRole('button', { name: 'Copy Terraform' })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(finding.remediation.terraform);
  await expect(detail.getByRole('button', { name: 'Copy gcloud' })).toBeVisible();
  await page.screenshot({ path: 'test-results/artifacts/finding-detail.png' });

  // The open finding is a deep link.
  await page.goto(`/findings?finding=${encodeURIComponent(finding.id)}`);
  await expect(page.locator(`[data-detail-of="${finding.id}"]`)).toBeVisible();

  // Enter on the row (not on its toggle) still shows the resource on the map.
  await page.locator(`tr[data-finding-id="${finding.id}"]`).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/map\?focus=/);
  await expect(page.locator(node(finding.resource))).toHaveClass(/selected/);
});

test('the exports download every finding as CSV and JSON', async ({ page, request }) => {
  await page.goto('/findings');
  const csvHref = (await page.getByTestId('findings-csv').getAttribute('href')) ?? '';
  const jsonHref = (await page.getByTestId('findings-json').getAttribute('href')) ?? '';
  const audit = auditReportSchema.parse(await (await request.get(jsonHref)).json());
  const csv = await request.get(csvHref);
  expect(csv.headers()['content-type']).toMatch(/text\/csv/);
  expect(csv.headers()['content-disposition']).toMatch(/attachment/);
  expect(await csv.text()).toMatch(/^id,severity,rule,/);
  await expect(page.locator('tr[data-finding-id]')).toHaveCount(audit.findings.length);
});

test('the exposed-only map shows the attack surface and hides internal services', async ({
  page,
  request,
}) => {
  const graph = graphResponseSchema.parse(await (await request.get('/api/graph')).json());
  const services = graph.nodes.filter((n) => n.kind === 'service');
  const exposed = services.filter((n) => ['overexposed', 'public', 'reachable'].includes(n.exposure.verdict));
  const internal = services.filter((n) => n.exposure.verdict === 'internal');
  const jobs = graph.nodes.filter((n) => n.kind === 'job');
  expect(exposed.length).toBeGreaterThan(0);
  expect(internal.length).toBeGreaterThan(0);

  await page.goto('/map');
  await expect(page.locator(node(internal[0]?.id ?? ''))).toHaveCount(1);
  await page
    .getByRole('toolbar', { name: 'Map filters' })
    .getByRole('button', { name: 'Attack surface' })
    .click();
  await expect(page).toHaveURL(
    /exposure=overexposed%2Cpublic%2Creachable|exposure=overexposed,public,reachable/,
  );
  for (const service of exposed) await expect(page.locator(node(service.id))).toHaveCount(1);
  await expect(page.locator(node('internet'))).toHaveCount(1);
  for (const service of internal) await expect(page.locator(node(service.id))).toHaveCount(0);
  for (const job of jobs) await expect(page.locator(node(job.id))).toHaveCount(0);
  await expect(page.locator('.react-flow__node-workload')).toHaveCount(exposed.length);
  await page.screenshot({ path: 'test-results/artifacts/map-exposed.png' });

  // One verdict only, by deep link; the pressed buttons follow the URL.
  await page.goto('/map?exposure=overexposed');
  const overexposed = exposed.filter((n) => n.kind === 'service' && n.exposure.verdict === 'overexposed');
  await expect(page.locator('.react-flow__node-workload')).toHaveCount(overexposed.length);
  await expect(page.getByRole('button', { name: 'Overexposed' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Public', exact: true })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await page.getByRole('button', { name: 'Show everything' }).click();
  await expect(page.locator(node(internal[0]?.id ?? ''))).toHaveCount(1);
});

test.describe('with a policy file', () => {
  let server: RunmapServer;
  test.beforeAll(async () => {
    server = await startRunmap({
      port: Number(process.env.RUNMAP_E2E_POLICY_PORT ?? 4519),
      world: 'server/fake-google/worlds/security.world.json',
      env: { RUNMAP_POLICY: 'server/cli/golden/security.policy.yaml' },
    });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test('waived findings are shown as waived with justification, owner and expiry, never hidden', async ({
    page,
    request,
  }) => {
    const audit = auditReportSchema.parse(await (await request.get(`${server.url}/api/audit`)).json());
    const waived = audit.findings.filter((f) => f.waiver);
    const expired = audit.findings.filter((f) => f.expiredWaiver);
    expect(waived.length).toBeGreaterThan(0);

    await page.goto(`${server.url}/findings`);
    await expect(page.locator('tr[data-finding-id]')).toHaveCount(audit.findings.length);
    for (const finding of waived) {
      await expect(page.locator(`tr[data-finding-id="${finding.id}"]`)).toContainText('Waived');
    }
    for (const finding of expired) {
      await expect(page.locator(`tr[data-finding-id="${finding.id}"]`)).toContainText('Waiver expired');
    }

    await page.getByRole('combobox', { name: 'Status' }).selectOption('waived');
    await expect(page).toHaveURL(/status=waived/);
    await expect(page.locator('tr[data-finding-id]')).toHaveCount(waived.length);
    const first = waived[0];
    if (!first?.waiver) return;
    await page
      .locator(`tr[data-finding-id="${first.id}"]`)
      .getByRole('button', { name: /^Details of/ })
      .click();
    const note = page.locator(`[data-detail-of="${first.id}"]`).getByRole('note');
    await expect(note).toContainText(first.waiver.justification);
    await expect(note).toContainText(first.waiver.owner);
    await expect(note).toContainText(first.waiver.expires);
    await page.screenshot({ path: 'test-results/artifacts/finding-waived.png' });

    await page.getByRole('combobox', { name: 'Status' }).selectOption('open');
    await expect(page.locator('tr[data-finding-id]')).toHaveCount(audit.findings.length - waived.length);
  });
});
