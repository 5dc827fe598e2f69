import { defineConfig } from '@playwright/test';

/** The bench's own demo-site port, apart from `npm start`'s (8765) and the e2e suite's (8766). */
export const BENCH_DEMO_PORT = Number(process.env.BENCH_DEMO_PORT ?? 8767);

// `npm run bench` (scripts/bench.mjs) runs this after building: timings in real Chromium with the
// test build, written as JSON for the script to print and check against the budgets.
export default defineConfig({
  testDir: 'test/bench',
  testMatch: '**/*.bench.ts',
  workers: 1,
  retries: 0,
  timeout: 240_000,
  reporter: [['line']],
  outputDir: '.tmp/bench/playwright',
  use: { baseURL: `http://127.0.0.1:${BENCH_DEMO_PORT}`, viewport: { width: 1280, height: 800 } },
  webServer: {
    command: `node test/demo-site/server.mjs --port ${BENCH_DEMO_PORT}`,
    url: `http://127.0.0.1:${BENCH_DEMO_PORT}/children`,
    reuseExistingServer: true,
  },
});
