import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import type { Escalation } from '../../lib/escalation';
import { draft, socialWorker } from '../../lib/escalation/testing';
import { TEST_CLOCK_KEY } from '../../lib/storage/keys';
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

export interface FirefoxOptions {
  /** IT's settings for the extension, given as Firefox's enterprise policies give them; none by default. */
  managedSettings?: Record<string, unknown>;
}

/**
 * Has Firefox read its enterprise policies, whose `3rdparty` section is what
 * `storage.managed` gives the extension, from a policies.json written into
 * `dir` rather than from a system folder. A release build follows
 * `browser.policies.alternatePath` only in automation (`Cu.isInAutomation`),
 * which needs both the pref and the environment variable below, as Mozilla's
 * own test harnesses set them; `-remote-allow-system-access` is not enough.
 */
function policiesLaunchOptions(dir: string, settings: Record<string, unknown>) {
  const path = join(dir, 'policies.json');
  const policies = { '3rdparty': { Extensions: { [firefoxExtensionId()]: settings } } };
  writeFileSync(path, JSON.stringify({ policies }));
  return {
    env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
    prefs: {
      'browser.policies.alternatePath': path,
      'security.turn_off_all_security_so_that_viruses_can_take_over_this_computer': true,
    },
  };
}

/** Real Firefox with the built extension installed as a temporary add-on, and the demo site. */
export async function startFirefox({ managedSettings }: FirefoxOptions = {}): Promise<FirefoxSession> {
  const executablePath = findBrowser('firefox');
  if (!executablePath) throw new Error('No Firefox found: install it or set FIREFOX_PATH.');
  const site = await startDemoSite({ port: 0 });
  const profile = mkdtempSync(join(tmpdir(), 'escalation-firefox-'));
  // Kept in the profile's folder, so it goes with it.
  const withPolicies = managedSettings && policiesLaunchOptions(profile, managedSettings);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    userDataDir: profile,
    // Playwright's default, as in the Chromium suite. At puppeteer's default 800 px the panel (420 px,
    // docked right, and left open by an earlier test) covers the middle of the demo's case-note fields,
    // so a click meant for a field lands in the panel.
    defaultViewport: { width: 1280, height: 720 },
    // Lets WebDriver BiDi run script in Firefox's own browser window (Firefox 133 and later), the one
    // way a test can open an extension page in a tab: see openExtensionPage.
    args: ['-remote-allow-system-access'],
    ...(withPolicies && { env: withPolicies.env }),
    extraPrefsFirefox: {
      ...withPolicies?.prefs,
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
  const session: FirefoxSession = {
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
  if (managedSettings) {
    try {
      await checkPoliciesRead(session, managedSettings);
    } catch (error) {
      await session.close();
      throw error;
    }
  }
  return session;
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

/** The name, and id, of the panel.html frame the harness frames for itself (inExtensionFrame). */
const HARNESS_FRAME = 'test-extension-page';

/**
 * The panel's frame (the overlay's, or with 'harness' the harness's own). Over WebDriver BiDi
 * Firefox reports an extension frame's URL as about:blank, so each frame is asked for its own URL.
 */
export async function panelFrame(
  page: Page,
  extensionHost: string,
  timeout = 5_000,
  which: 'overlay' | 'harness' = 'overlay',
): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      const [url, name] = await frame.evaluate(() => [document.URL, window.name]).catch(() => ['', '']);
      // The harness's own panel.html frame (inExtensionFrame), going away as a test goes on, is
      // never taken for the overlay's panel, nor the overlay's for it.
      const harness = name === HARNESS_FRAME;
      if (url?.startsWith(`moz-extension://${extensionHost}/panel.html`) && harness === (which === 'harness'))
        return frame;
    }
    if (Date.now() > deadline) throw new Error('The panel frame did not open');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Runs `action` in an extension page framed into `page` for the moment: the
 * panel, which any page may frame. Such a frame gets only the content-script
 * API set, but it can message the background as the extension's own pages do,
 * and its messages come from `page`'s tab.
 */
async function inExtensionFrame<T>(
  firefox: FirefoxSession,
  page: Page,
  action: (frame: Frame) => Promise<T>,
) {
  await page.evaluate(
    (host, name) => {
      const frame = document.createElement('iframe');
      frame.id = name;
      frame.name = name;
      frame.src = `moz-extension://${host}/panel.html`;
      document.body.append(frame);
    },
    firefox.extensionHost,
    HARNESS_FRAME,
  );
  try {
    const frame = await panelFrame(page, firefox.extensionHost, 5_000, 'harness');
    // The frame has its address before Firefox has given it the extension's API.
    await frame.waitForFunction(
      () => (globalThis as Partial<ExtensionGlobal>).browser?.runtime !== undefined,
      {
        timeout: 5_000,
      },
    );
    return await action(frame);
  } finally {
    await page.evaluate((name) => document.getElementById(name)?.remove(), HARNESS_FRAME);
  }
}

/** The raw WebDriver BiDi call the harness needs; puppeteer-core leaves its connection out of its types. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface BidiContext {
  context: string;
  url: string;
}

type EvaluateResult =
  | { type: 'success'; result: { type: string; value?: unknown } }
  | { type: 'exception'; exceptionDetails: { text: string } };

/**
 * Runs `expression` in Firefox's own browser window (chrome://browser/content/browser.xhtml),
 * with the privileges of the browser itself. Needs `-remote-allow-system-access` (startFirefox).
 */
async function inBrowserWindow(firefox: FirefoxSession, expression: string): Promise<unknown> {
  const connection = (firefox.browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
    contexts: BidiContext[];
  };
  const window = tree.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('Firefox has no browser window to run script in');
  const evaluated = (
    await connection.send('script.evaluate', {
      expression,
      target: { context: window.context },
      awaitPromise: true,
    })
  ).result as EvaluateResult;
  if (evaluated.type === 'exception')
    throw new Error(`Script in the browser window failed: ${evaluated.exceptionDetails.text}`);
  return evaluated.result.value;
}

/** Fails unless Firefox's policy engine holds exactly `settings` for the extension, saying why it may not. */
async function checkPoliciesRead(firefox: FirefoxSession, settings: Record<string, unknown>) {
  const read = await inBrowserWindow(
    firefox,
    `JSON.stringify(Services.policies.getExtensionPolicy(${JSON.stringify(firefox.extensionId)}))`,
  );
  if (!isDeepStrictEqual(JSON.parse(String(read)), settings))
    throw new Error(
      `Firefox has ${read} for the extension, not our policies.json's settings: it ignores the file ` +
        'outside automation, or when a system policies.json exists.',
    );
}

/**
 * Opens one of the extension's own pages (`options.html`, `popup.html`) in a
 * tab, with the whole extension API set (`action` among it), unlike the
 * framed panel. WebDriver BiDi will not navigate to moz-extension://
 * addresses, so Firefox's own browser window opens the tab.
 */
export async function openExtensionPage(firefox: FirefoxSession, path: string, timeout = 5_000) {
  const url = `moz-extension://${firefox.extensionHost}/${path}`;
  const before = new Set(await firefox.browser.pages());
  await inBrowserWindow(firefox, `openTrustedLinkIn(${JSON.stringify(url)}, 'tab')`);
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const page of await firefox.browser.pages()) {
      if (before.has(page)) continue;
      // As for frames, WebDriver BiDi reports the tab's URL as about:blank, so the page is asked.
      const loaded = await page
        .evaluate(() => (document.readyState === 'complete' ? document.URL : ''))
        .catch(() => '');
      if (loaded === url) return page;
    }
    if (Date.now() > deadline) throw new Error(`${path} did not open in a tab`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The extension's `browser` global, in code that runs in one of its pages. */
export type ExtensionGlobal = { browser: typeof import('wxt/browser').browser };

/**
 * Turns the demo site on for a tab through the background's own enablement
 * (the popup's "Use on this site" sends the same message; its click is tested
 * in Chromium), sent from the panel framed into the tab for the moment.
 */
export async function turnOnThisSite(firefox: FirefoxSession, page: Page): Promise<void> {
  // Already on (an earlier test turned it on): the background has run the overlay in the loaded page.
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
      // The panel learns its own tab from the background's first-screen answer, like the panel does.
      const page = (await api.runtime.sendMessage({ type: 'panel/first-screen', payload: {} })) as {
        value: { tabId: number };
      };
      return api.runtime.sendMessage({ type: 'sites/enable', payload: { tabId: page.value.tabId } });
    }),
  );
  if (!(reply as { ok?: boolean })?.ok)
    throw new Error(`Enabling the demo site failed: ${JSON.stringify(reply)}`);
}

/**
 * Starts an escalation for a demo child as the panel does, by default an hour
 * after its difference of opinion began; `differenceStartedAt` backdates it
 * (the panel always starts from now). Returns the escalation as stored.
 */
export async function startEscalationFor(
  firefox: FirefoxSession,
  page: Page,
  recordId: string,
  { differenceStartedAt = new Date(Date.now() - 3_600_000) }: { differenceStartedAt?: Date } = {},
): Promise<Escalation> {
  const started = differenceStartedAt.toISOString();
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
  const outcome = reply as { ok?: boolean; value?: { escalation?: Escalation } };
  if (!outcome?.ok || !outcome.value?.escalation)
    throw new Error(`Starting an escalation failed: ${JSON.stringify(reply)}`);
  return outcome.value.escalation;
}

/** Moves the test build's clock so that "now" is `at`, from an extension page (test builds only). */
export const setClock = (extensionPage: Page, at: Date) =>
  extensionPage.evaluate(
    (key, offset) =>
      (globalThis as unknown as ExtensionGlobal).browser.storage.session.set({ [key]: offset }),
    TEST_CLOCK_KEY,
    at.getTime() - Date.now(),
  );
