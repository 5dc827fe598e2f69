// `npm start`: the extension running on the bundled demo case-record site.
// With a display, opens Chromium with the extension loaded on a demo child's
// record and keeps going until that window is closed. Without one (a headless
// server), walks the demo headless and says where the screenshots are.
import './require-node.mjs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumExtensionFlags, ensureBrowsers, findBrowser } from './browsers.mjs';
import { ensureDependencies } from './ensure-deps.mjs';

const hasDisplay =
  process.platform === 'darwin' ||
  process.platform === 'win32' ||
  Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

function step(title, command, args, env = {}) {
  console.log(`▶ ${title}`);
  const outcome = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (outcome.status !== 0) {
    console.error(`✖ ${title} failed.`);
    process.exit(outcome.status ?? 1);
  }
}

ensureDependencies();
ensureBrowsers(['chromium']);
// The test build: the production build plus a pre-granted localhost, so turning the demo site on
// from the toolbar needs no permission prompt.
step('Building the extension for Chromium', 'npx', ['wxt', 'build', '--mode', 'test']);

if (hasDisplay) {
  const { chromium } = await import('@playwright/test');
  const { startDemoSite } = await import('../test/demo-site/server.mjs');
  const site = await startDemoSite().catch(() => startDemoSite({ port: 0 }));
  const profile = mkdtempSync(join(tmpdir(), 'escalation-start-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findBrowser('chromium'),
    headless: false,
    viewport: null,
    args: chromiumExtensionFlags(resolve('.output/chrome-mv3-test')),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${site.url}/children/P100234`);
  console.log(`Demo case-record site: ${site.url}/children. Close the browser window to stop.`);
  console.log(
    'Turn the overlay on for the demo site: the extension’s toolbar button, then "Use on this site".',
  );
  await new Promise((done) => context.on('close', done));
  await site.close();
  rmSync(profile, { recursive: true, force: true });
} else {
  const screenshots = resolve('demo-screenshots');
  rmSync(screenshots, { recursive: true, force: true });
  step(
    'No display: walking the demo in headless Chromium',
    'npx',
    ['playwright', 'test', '-c', 'playwright.demo.config.ts'],
    {
      DEMO_SCREENSHOTS: screenshots,
    },
  );
  console.log(`Screenshots of the demo walk are in ${screenshots}`);
  console.log(`The case-note text it inserted is ${join(screenshots, 'case-note.txt')}`);
}
