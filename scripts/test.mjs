// `npm test`: everything CI checks, in the order that fails fastest.
// Installs what a fresh machine lacks, then typecheck, lint, unit tests under
// two time zones, production builds, web-ext lint, the manifest permission
// snapshot, and end-to-end tests (the privacy spec among them) in real Chromium
// and real Firefox. Ends with one line counting every test run.
import './require-node.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_CLOCK_KEY } from '../lib/storage/keys.ts';
import { ensureBrowsers } from './browsers.mjs';
import { CONTENT_SCRIPT_BUDGET_BYTES } from './budgets.mjs';
import { ensureDependencies } from './ensure-deps.mjs';

const results = '.tmp/test-results';
const timeZones = ['UTC', 'America/New_York'];
const tally = { passed: 0, failed: 0, skipped: 0 };

/** Runs one step; `count` adds the step's own report to the tally, failed or not, so the last line is true. */
function run(title, command, args, env = {}, count = () => {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const outcome = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  count();
  if (outcome.status !== 0) {
    console.error(`\n✖ ${title} failed after ${seconds} s`);
    printTally();
    process.exit(outcome.status ?? 1);
  }
  console.log(`✔ ${title} (${seconds} s)`);
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  tally.passed += report.numPassedTests;
  tally.failed += report.numFailedTests;
  tally.skipped += report.numPendingTests + report.numTodoTests;
}

function countPlaywright(file) {
  if (!existsSync(file)) return;
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  tally.passed += stats.expected + stats.flaky;
  tally.failed += stats.unexpected;
  tally.skipped += stats.skipped;
}

function printTally() {
  console.log(`\ntests: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
}

ensureDependencies();
ensureBrowsers(['chromium', 'firefox']);
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

run('Types (wxt prepare, tsc)', 'npx', ['wxt', 'prepare']);
run('Types (tsc --noEmit)', 'npx', ['tsc', '--noEmit']);
run('Lint and format (biome ci)', 'npx', ['biome', 'ci', '.']);

for (const zone of timeZones) {
  const report = join(results, `unit-${zone.replace('/', '-')}.json`);
  run(
    `Unit and component tests, TZ=${zone}`,
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { TZ: zone },
    () => countVitest(report),
  );
}

run('Build for Chrome and Edge (chrome-mv3)', 'npx', ['wxt', 'build']);
run('Build for Firefox (firefox-mv3)', 'npx', ['wxt', 'build', '-b', 'firefox']);
run('web-ext lint (Firefox build)', 'node', ['scripts/web-ext-lint.mjs', '.output/firefox-mv3']);
// A permission, host or web-accessible resource added to a built manifest fails until the committed
// snapshot (test/manifest-permissions.json) is updated on purpose.
run('Manifest permissions match their snapshot (production builds)', 'node', [
  'scripts/check-manifests.mjs',
  'chrome-mv3',
  'firefox-mv3',
]);

// The test builds can move their clock (lib/clock); the production builds must carry no trace of it.
for (const build of ['chrome-mv3', 'firefox-mv3']) {
  const files = readdirSync(join('.output', build), { recursive: true, encoding: 'utf8' });
  const leaking = files.filter(
    (file) =>
      file.endsWith('.js') && readFileSync(join('.output', build, file), 'utf8').includes(TEST_CLOCK_KEY),
  );
  if (leaking.length > 0) {
    console.error(`\n✖ ${build} carries the test clock in ${leaking.join(', ')}`);
    printTally();
    process.exit(1);
  }
  console.log(`✔ ${build} has no test clock`);
}

// The overlay script (entrypoints/overlay.ts) runs on every page of every enabled site: it must stay under 10 KB.
for (const build of ['chrome-mv3', 'firefox-mv3']) {
  const { size } = statSync(join('.output', build, 'overlay.js'));
  if (size > CONTENT_SCRIPT_BUDGET_BYTES) {
    console.error(
      `\n✖ ${build} content script is ${size} bytes, over its ${CONTENT_SCRIPT_BUDGET_BYTES}-byte budget`,
    );
    printTally();
    process.exit(1);
  }
  console.log(`✔ ${build} content script: ${size} bytes (budget ${CONTENT_SCRIPT_BUDGET_BYTES})`);
}

// The end-to-end suites run the test builds: production plus a pre-granted localhost (wxt.config.ts).
run('Test build for Chromium (chrome-mv3-test)', 'npx', ['wxt', 'build', '--mode', 'test']);
run('Test build for Firefox (firefox-mv3-test)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mode', 'test']);
run('Manifest permissions match their snapshot (test builds)', 'node', [
  'scripts/check-manifests.mjs',
  'chrome-mv3-test',
  'firefox-mv3-test',
]);

const chromiumReport = join(results, 'e2e-chromium.json');
run(
  'End-to-end tests in Chromium (Playwright)',
  'npx',
  ['playwright', 'test'],
  { PLAYWRIGHT_JSON_OUTPUT_NAME: chromiumReport },
  () => countPlaywright(chromiumReport),
);

const firefoxReport = join(results, 'e2e-firefox.json');
run(
  'End-to-end tests in Firefox (puppeteer-core over WebDriver BiDi)',
  'npx',
  [
    'vitest',
    'run',
    '-c',
    'vitest.firefox.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${firefoxReport}`,
  ],
  {},
  () => countVitest(firefoxReport),
);

printTally();
