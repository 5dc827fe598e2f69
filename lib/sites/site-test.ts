import { browser } from 'wxt/browser';
import { organisationSettingsFrom, readManagedArea, settingsView, userSettingsSchema } from '@/lib/settings';
import { storageKeys } from '@/lib/storage/keys';
import { adaptersOfSite } from './enablement';
import type { FoundChild } from './find-child';
import type { SiteTestResult } from './messages';
import type { SiteAdapter } from './selectors';
import { sitePatternFor } from './site-pattern';

/** Finds the child in a tab with the given adapters (lib/overlay's find-child script, passed in by the background). */
export type FindChildIn = (tabId: number, adapters: SiteAdapter[]) => Promise<FoundChild | null>;

async function showChildNames(): Promise<boolean> {
  const [stored, managed] = await Promise.all([
    browser.storage.local.get(storageKeys.settings),
    readManagedArea(browser.storage.managed),
  ]);
  const user = userSettingsSchema.safeParse(stored[storageKeys.settings]);
  return settingsView(user.success ? user.data : {}, organisationSettingsFrom(managed)).settings
    .showChildNames;
}

/**
 * The options page's "Test" for a site: looks for the child in the site's open
 * tabs, the active one first, with the adapters the site's pages would use.
 * The child's name is in the answer only when the settings show names.
 */
export async function testSite(site: string, findChildIn: FindChildIn): Promise<SiteTestResult> {
  if (!(await browser.permissions.contains({ origins: [site] })))
    return { found: false, reason: 'no-permission', tabs: 0 };

  // Without the "tabs" permission a tab's address is visible only on sites the browser grants: this one.
  const tabIds = (await browser.tabs.query({}))
    .filter((tab) => sitePatternFor(tab.url) === site)
    .sort((a, b) => Number(b.active) - Number(a.active))
    .flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
  if (tabIds.length === 0) return { found: false, reason: 'no-tab', tabs: 0 };

  const adapters = await adaptersOfSite(site);
  for (const tabId of tabIds) {
    // A tab still loading, discarded or showing an error page cannot be read; the next one may be.
    const child = await findChildIn(tabId, adapters).catch(() => null);
    if (child) {
      const { system, recordId, displayName } = child;
      const named = displayName !== undefined && (await showChildNames());
      return { found: true, system, recordId, ...(named ? { displayName } : {}) };
    }
  }
  return { found: false, reason: 'no-child', tabs: tabIds.length };
}
