import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { draft, socialWorker } from '../../lib/escalation/testing';
import { findBrowser } from '../../scripts/browsers.mjs';
import { startDemoSite } from '../demo-site/server.mjs';

// The test build (`wxt build -b firefox --mode test`), which pre-grants localhost (see wxt.config.ts).
export const firefoxBuild = resolve('.output/firefox-mv3-test');

function firefoxExtensionId(): string {
  const manifest = JSON.parse(readFileSync(join(firefoxBuild, 'manifest.json'), 'utf8'));
  return manifest.browser_specific_settings.gecko.id;
}

/** Firefox gives each add-on a random moz-extension host; the profile pins ours for tests. */
const EXTENSION_HOST = '4f1b8a52-9c3e-4d7a-b6a1-0e5f2c7d9a31';

export interface FirefoxSession {
  browser: Browser;
  extensionId: string;
  extensionHost: string;
  demoUrl: string;
  close(): Promise<void>;
}

/** Real Firefox with the built extension installed as a temporary add-on, and the demo site. */
export async function startFirefox(): Promise<FirefoxSession> {
  const executablePath = findBrowser('firefox');
  if (!executablePath) throw new Error('No Firefox found: install it or set FIREFOX_PATH.');
  const site = await startDemoSite({ port: 0 });
  const profile = mkdtempSync(join(tmpdir(), 'escalation-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    userDataDir: profile,
    // Playwright's default, as in the Chromium suite. At puppeteer's default 800 px the panel (420 px,
    // docked right, and left open by an earlier test) covers the middle of the demo's case-note fields,
    // so a click meant for a field lands in the panel.
    defaultViewport: { width: 1280, height: 720 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [firefoxExtensionId()]: EXTENSION_HOST }),
      // No network beyond the machine: keep Firefox from reaching out at start.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'extensions.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  const extensionId = await browser.installExtension(firefoxBuild);
  return {
    browser,
    extensionId,
    extensionHost: EXTENSION_HOST,
    demoUrl: site.url,
    close: async () => {
      await browser.close();
      await site.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Tabs through the page until focus lands in the overlay's closed shadow root
 * (the page sees only the host element then), as a keyboard user would.
 */
export async function tabToOverlay(page: Page, maxPresses = 40): Promise<void> {
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press('Tab');
    const inOverlay = await page.evaluate(() => {
      const focused = document.activeElement;
      return (
        focused !== null &&
        focused.parentElement === document.documentElement &&
        focused.tagName.startsWith('X-')
      );
    });
    if (inOverlay) return;
  }
  throw new Error('Tab never reached the overlay');
}

/**
 * The panel's frame. Over WebDriver BiDi Firefox reports an extension frame's URL
 * as about:blank, so each frame is asked for its own URL.
 */
export async function panelFrame(page: Page, extensionHost: string, timeout = 5_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      const url = await frame.evaluate(() => document.URL).catch(() => '');
      if (url.startsWith(`moz-extension://${extensionHost}/panel.html`)) return frame;
    }
    if (Date.now() > deadline) throw new Error('The panel frame did not open');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Turns the demo site on for a tab through the background's own enablement
 * (the popup's "Use on this site" sends the same message; its click is tested
 * in Chromium). Firefox over WebDriver BiDi will not open an extension page in
 * a tab, so the message is sent from an extension page framed into the demo
 * tab for the purpose: the panel, which any page may frame. The frame is
 * removed again before the test goes on.
 */
/**
 * Runs `action` in an extension page framed into `page` for the moment. Over
 * WebDriver BiDi Firefox will not open moz-extension:// tabs, so this is how a
 * test talks to the background as the extension's own pages do.
 */
async function inExtensionFrame<T>(
  firefox: FirefoxSession,
  page: Page,
  action: (frame: Frame) => Promise<T>,
) {
  await page.evaluate((host) => {
    const frame = document.createElement('iframe');
    frame.id = 'test-extension-page';
    frame.src = `moz-extension://${host}/panel.html`;
    document.body.append(frame);
  }, firefox.extensionHost);
  try {
    return await action(await panelFrame(page, firefox.extensionHost));
  } finally {
    await page.evaluate(() => document.getElementById('test-extension-page')?.remove());
  }
}

type ExtensionGlobal = { browser: typeof import('wxt/browser').browser };

export async function turnOnThisSite(firefox: FirefoxSession, page: Page): Promise<void> {
  // Already on (an earlier test turned it on): the registered content script has mounted the overlay.
  const mounted = await page
    .waitForFunction(() => document.documentElement.lastElementChild?.tagName.startsWith('X-'), {
      timeout: 1_000,
    })
    .then(() => true)
    .catch(() => false);
  if (mounted) return;
  const reply = await inExtensionFrame(firefox, page, (frame) =>
    frame.evaluate(async () => {
      const api = (globalThis as unknown as ExtensionGlobal).browser;
      // The panel learns its own tab from the background, like the panel does.
      const page = (await api.runtime.sendMessage({ type: 'panel/page', payload: {} })) as {
        value: { tabId: number };
      };
      return api.runtime.sendMessage({ type: 'sites/enable', payload: { tabId: page.value.tabId } });
    }),
  );
  if (!(reply as { ok?: boolean })?.ok)
    throw new Error(`Enabling the demo site failed: ${JSON.stringify(reply)}`);
}

/** Starts an escalation for a demo child as the panel does, an hour after its difference of opinion began. */
export async function startEscalationFor(
  firefox: FirefoxSession,
  page: Page,
  recordId: string,
): Promise<void> {
  const started = new Date(Date.now() - 3_600_000).toISOString();
  const payload = {
    input: {
      ...draft,
      child: {
        system: 'Demo Case Record System',
        recordId,
        recordUrl: `${firefox.demoUrl}/children/${recordId}`,
      },
      differenceStartedAt: started,
      imminentRisk: { atRisk: false, answeredAt: started },
    },
    by: socialWorker,
  };
  const reply = await inExtensionFrame(firefox, page, (frame) =>
    frame.evaluate(
      (message) => (globalThis as unknown as ExtensionGlobal).browser.runtime.sendMessage(message),
      { type: 'escalation/start', payload },
    ),
  );
  if (!(reply as { ok?: boolean })?.ok)
    throw new Error(`Starting an escalation failed: ${JSON.stringify(reply)}`);
}
