import { defineConfig } from '@playwright/test';

const port = Number(process.env.RUNMAP_E2E_PORT ?? 4517);

// End-to-end tests drive Debian's chromium (Playwright's browser download is not reachable here)
// against the real built server on loopback, serving a named world.
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.RUNMAP_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `node bin/runmap.js serve --port ${port}`,
    url: `http://127.0.0.1:${port}/healthz`,
    env: { RUNMAP_HOST: '127.0.0.1', RUNMAP_REFRESH_SECONDS: '0' },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
