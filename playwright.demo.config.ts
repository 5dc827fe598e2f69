import { defineConfig } from '@playwright/test';
import { DEFAULT_DEMO_PORT } from './test/demo-site/server.mjs';

// `npm start` on a machine with no display: walks the demo headless and keeps
// screenshots of each step.
export default defineConfig({
  testDir: 'test/demo-walk',
  testMatch: '**/*.walk.ts',
  workers: 1,
  timeout: 60_000,
  reporter: [['line']],
  outputDir: '.tmp/demo-walk-results',
  use: { baseURL: `http://127.0.0.1:${DEFAULT_DEMO_PORT}`, viewport: { width: 1280, height: 800 } },
  webServer: {
    command: `node test/demo-site/server.mjs --port ${DEFAULT_DEMO_PORT}`,
    url: `http://127.0.0.1:${DEFAULT_DEMO_PORT}/children`,
    reuseExistingServer: true,
  },
});
