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
import type { browser } from 'wxt/browser';
import { chromiumExtensionFlags, findBrowser } from '../../scripts/browsers.mjs';

export const chromiumBuild = resolve('.output/chrome-mv3');

interface ExtensionFixtures {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** Writes items into the extension's storage.local before the test acts. */
  seedStorage: (items: Record<string, unknown>) => Promise<void>;
}

/** Each test gets a fresh Chromium profile with the built extension loaded. */
export const test = base.extend<ExtensionFixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  context: async ({}, use) => {
    const executablePath = findBrowser('chromium');
    if (!executablePath) throw new Error('No Chromium found: install it or set CHROME_PATH.');
    const profile = mkdtempSync(join(tmpdir(), 'escalation-e2e-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: chromiumExtensionFlags(chromiumBuild),
    });
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
      await serviceWorker.evaluate((values) => {
        const { chrome } = globalThis as unknown as { chrome: typeof browser };
        return chrome.storage.local.set(values);
      }, items);
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
