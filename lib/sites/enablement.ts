import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { MessageError } from '@/lib/messaging';
import { sitePatternFor } from './site-pattern';

/**
 * Opt-in sites. The user's list of enabled sites lives in storage.local under
 * one key, read only through `enabledSites()`, so IT's managed list can join
 * it there. A site runs the content script only while it is both enabled and
 * granted by the browser; `syncRegistration()` makes the browser's dynamic
 * registration match that, and runs at every start because registrations can
 * be lost on update.
 */

export const ENABLED_SITES_KEY = 'enabledSites';
export const CONTENT_SCRIPT_ID = 'case-record-sites';
const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

const enabledSitesSchema = z.array(z.string().check(z.regex(/^https?:\/\/[^/*]+\/\*$/)));

export async function enabledSites(): Promise<string[]> {
  const stored = await browser.storage.local.get(ENABLED_SITES_KEY);
  const parsed = z.safeParse(enabledSitesSchema, stored[ENABLED_SITES_KEY]);
  return parsed.success ? parsed.data : [];
}

async function saveEnabledSites(sites: readonly string[]): Promise<void> {
  await browser.storage.local.set({ [ENABLED_SITES_KEY]: [...new Set(sites)].sort() });
}

const isGranted = (site: string) => browser.permissions.contains({ origins: [site] });

/** Registers the content script for every enabled site the browser still grants, and forgets the rest. */
export async function syncRegistration(): Promise<string[]> {
  const sites = await enabledSites();
  const granted = (
    await Promise.all(sites.map(async (site) => ((await isGranted(site)) ? site : [])))
  ).flat();
  if (granted.length !== sites.length) await saveEnabledSites(granted);

  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  if (granted.length === 0) {
    if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
    return granted;
  }
  const script = {
    id: CONTENT_SCRIPT_ID,
    matches: granted,
    js: [CONTENT_SCRIPT_FILE],
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  if (registered.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  return granted;
}

/** Runs the content script in one tab now (the site was just enabled, or "Open panel here once"). */
export async function injectOverlay(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
}

export interface SiteStatus {
  /** The site's match pattern, or null when the page is not a web page the overlay can run on. */
  site: string | null;
  enabled: boolean;
}

export async function siteStatus(url: string | undefined): Promise<SiteStatus> {
  const site = sitePatternFor(url) ?? null;
  return { site, enabled: site !== null && (await enabledSites()).includes(site) };
}

function siteOf(url: string | undefined): string {
  const site = sitePatternFor(url);
  if (!site)
    throw new MessageError('not-a-site', 'The overlay works on web pages of your case-record system.');
  return site;
}

/**
 * Enables the site of `url` and shows the overlay in `tabId` at once. The
 * browser's permission must already be granted: the popup asks for it from the
 * user's click, which only a page can do.
 */
export async function enableSite(url: string | undefined, tabId?: number): Promise<void> {
  const site = siteOf(url);
  if (!(await isGranted(site))) {
    throw new MessageError('permission-needed', 'The browser has not allowed the extension on this site.');
  }
  await saveEnabledSites([...(await enabledSites()), site]);
  await syncRegistration();
  if (tabId !== undefined) await injectOverlay(tabId);
}

/** Turns the site off: no registration, no permission. Pages already open keep nothing of ours. */
export async function disableSite(url: string | undefined, removeFromTab?: (tabId: number) => Promise<void>) {
  const site = siteOf(url);
  await saveEnabledSites((await enabledSites()).filter((enabled) => enabled !== site));
  await syncRegistration();
  if (removeFromTab) {
    const tabs = await browser.tabs.query({ url: site });
    await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : removeFromTab(tab.id))));
  }
  // A host the build itself requires (localhost in development and test builds) cannot be removed.
  await browser.permissions.remove({ origins: [site] }).catch(() => false);
}

/** When the user withdraws a site's permission in the browser's own settings, the site is off. */
export function forgetSitesOnPermissionRemoval(): void {
  browser.permissions.onRemoved.addListener(() => {
    void syncRegistration();
  });
}
