import { defineConfig } from '@playwright/test';
import { E2E_DEMO_PORT } from './test/e2e/ports';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // One persistent Chromium per test file; the machine has two cores.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // One more try on CI, where a run that fails lands nothing; a test that passes only then is reported
  // as flaky in the output and the JSON report, never hidden.
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_DEMO_PORT}`,
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node test/demo-site/server.mjs --port ${E2E_DEMO_PORT}`,
    url: `http://127.0.0.1:${E2E_DEMO_PORT}/children`,
    reuseExistingServer: !process.env.CI,
  },
});
