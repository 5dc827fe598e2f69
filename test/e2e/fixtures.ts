import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type BrowserContext,
  test as base,
  chromium,
  type Frame,
  type Page,
  type Worker,
} from '@playwright/test';
import { chromiumExtensionFlags, findBrowser } from '../../scripts/browsers.mjs';

export const chromiumBuild = resolve('.output/chrome-mv3');

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
    await use(new URL(serviceWorker.url()).host);
  },
  seedStorage: async ({ serviceWorker }, use) => {
    await use(async (items) => {
      await serviceWorker.evaluate((values) => chrome.storage.local.set(values), items);
    });
  },
});

export { expect } from '@playwright/test';

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
