import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type BrowserContext,
  test as base,
  chromium,
  expect,
  type Frame,
  type Page,
  type Worker,
} from '@playwright/test';
import { draft, socialWorker } from '../../lib/escalation/testing';
import { TEST_CLOCK_KEY } from '../../lib/storage/keys';
import { chromiumExtensionFlags, findBrowser } from '../../scripts/browsers.mjs';
import { OverlayControls } from './overlay';
import { E2E_DEMO_PORT } from './ports';

// The test build (`wxt build --mode test`): the production build plus a pre-granted localhost, so a
// test can turn the demo site on without the browser's permission prompt.
const demoOrigin = `http://127.0.0.1:${E2E_DEMO_PORT}`;

export const chromiumBuild = resolve('.output/chrome-mv3-test');

interface ExtensionFixtures {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** Writes items into the extension's storage.local before the test acts. */
  seedStorage: (items: Record<string, unknown>) => Promise<void>;
}

/** Headless Chromium on `profile` with the built extension loaded; tests restart it on the same profile. */
export async function launchWithExtension(profile: string): Promise<BrowserContext> {
  const executablePath = findBrowser('chromium');
  if (!executablePath) throw new Error('No Chromium found: install it or set CHROME_PATH.');
  return chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: chromiumExtensionFlags(chromiumBuild),
  });
}

/**
 * Waits until the background has worked out the badge for the first time, which
 * it does once the organisation's settings are known: until then the action
 * keeps the manifest's plain title. Chromium can take seconds after start-up to
 * hand those settings over, and a test acting sooner would time that instead.
 */
export async function extensionReady(worker: Worker): Promise<void> {
  await expect
    .poll(() => worker.evaluate(() => chrome.action.getTitle({})), { timeout: 15_000 })
    .not.toBe('Escalation overlay');
}

export const newProfile = () => mkdtempSync(join(tmpdir(), 'escalation-e2e-'));

/** Each test gets a fresh Chromium profile with the built extension loaded. */
export const test = base.extend<ExtensionFixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  context: async ({}, use) => {
    const profile = newProfile();
    const context = await launchWithExtension(profile);
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await extensionReady(serviceWorker);
    await use(new URL(serviceWorker.url()).host);
  },
  seedStorage: async ({ serviceWorker }, use) => {
    await use(async (items) => {
      await serviceWorker.evaluate((values) => chrome.storage.local.set(values), items);
    });
  },
});

export { expect };

/** The panel's frame in a page, once the launcher has opened it. */
export async function panelFrame(page: Page, extensionId: string): Promise<Frame> {
  const url = `chrome-extension://${extensionId}/panel.html`;
  const deadline = Date.now() + 5_000;
  for (;;) {
    const frame = page.frames().find((candidate) => candidate.url() === url);
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('The panel frame did not open');
    await page.waitForTimeout(50);
  }
}

/**
 * Turns the demo site on the way a practitioner does: the toolbar popup's "Use
 * on this site" for the active tab. The popup is opened as a tab behind the
 * demo page, which is brought to the front so it is the tab the popup acts on.
 */
export async function turnOnThisSite(page: Page, extensionId: string): Promise<void> {
  const popup = await page.context().newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.bringToFront();
  await expect(popup.getByText(/^This site:/)).toContainText('127.0.0.1');
  const checkbox = popup.getByRole('checkbox', { name: 'Use on this site' });
  await checkbox.click();
  await expect(popup.getByRole('status')).toHaveText('Turned on for 127.0.0.1.');
  await popup.close();
}

/** The demo site's system name, as its adapter reports it. */
export const DEMO_SYSTEM = 'Demo Case Record System';

/**
 * Starts an escalation for a demo child the way the panel does (a typed
 * message to the background), from an extension page, so a test can begin
 * with one in place. The difference of opinion started an hour ago.
 */
export async function startEscalationFor(context: BrowserContext, extensionId: string, recordId: string) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const started = new Date(Date.now() - 3_600_000).toISOString();
  const reply = await page.evaluate(
    (payload) => chrome.runtime.sendMessage({ type: 'escalation/start', payload }),
    {
      input: {
        ...draft,
        child: { system: DEMO_SYSTEM, recordId, recordUrl: `${demoOrigin}/children/${recordId}` },
        differenceStartedAt: started,
        imminentRisk: { atRisk: false, answeredAt: started },
      },
      by: socialWorker,
    },
  );
  await page.close();
  expect(reply).toMatchObject({ ok: true });
}

/** A demo page with the site turned on and the panel opened from the launcher, as a practitioner does it. */
export async function openPanelOn(page: Page, extensionId: string, path: string): Promise<Frame> {
  await page.goto(path);
  await turnOnThisSite(page, extensionId);
  const overlay = await OverlayControls.attach(page);
  await overlay.click('button', 'Escalations');
  return panelFrame(page, extensionId);
}

/** Moves the test build's clock so that "now" is `at` (test builds only; production has no such seam). */
export const setClock = (page: Page, at: Date) =>
  page.evaluate(([key, offset]) => chrome.storage.session.set({ [key]: offset }), [
    TEST_CLOCK_KEY,
    at.getTime() - Date.now(),
  ] as const);
