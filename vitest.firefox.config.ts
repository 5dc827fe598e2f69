import { defineConfig } from 'vitest/config';

// The Firefox end-to-end suite: the built extension installed into real Firefox
// through puppeteer-core over WebDriver BiDi. Kept apart from the unit suite.
export default defineConfig({
  test: {
    include: ['test/e2e-firefox/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    // As in Chromium: one more try on CI, and a test that needed it is still reported.
    retry: process.env.CI ? 1 : 0,
  },
});
