import { browser } from 'wxt/browser';
import { MessageError } from '@/lib/messaging';
import { type OrganisationSettings, organisationSettingsFrom, readManagedArea } from '@/lib/settings';
import { storageKeys } from '@/lib/storage/keys';
import { WriteLock } from '@/lib/storage/lock';
import type { SiteStatus } from './messages';
import type { SiteAdapter } from './selectors';
import {
  adaptersForSite,
  mergeSites,
  organisationLabel,
  readSiteEntries,
  type Site,
  type SiteEntry,
  type SiteListing,
  siteListing,
  withAdapterChosen,
  withSiteAdded,
  withSiteRemoved,
  withSiteSwitched,
} from './site-list';
import { siteName, sitePatternFor } from './site-pattern';

/**
 * The sites in the browser: the user's list in storage.local (read and written
 * only here), the organisation's from storage.managed, and what the browser
 * grants. A site is in use while it is on and granted; the background then
 * runs the overlay in each of its pages once the page has loaded
 * (./background). Nothing is registered with the browser: Chromium holds a
 * page's load for any content script registered for it, however little it does.
 */

/** The id under which earlier builds registered the content script, to remove. */
const CONTENT_SCRIPT_ID = 'case-record-sites';
const CONTENT_SCRIPT_FILE = '/overlay.js';

/** One change at a time, so two clicks never both read the same old list. */
const lock = new WriteLock();

/** Removes the overlay from a tab whose site was turned off (lib/overlay, passed in by the background). */
export type RemoveOverlay = (tabId: number) => Promise<void>;

async function userSites(): Promise<SiteEntry[]> {
  const stored = await browser.storage.local.get(storageKeys.sites);
  return readSiteEntries(stored[storageKeys.sites]);
}

const organisationNow = async (): Promise<OrganisationSettings> =>
  organisationSettingsFrom(await readManagedArea(browser.storage.managed));

async function sitesNow() {
  const [user, organisation] = await Promise.all([userSites(), organisationNow()]);
  return { user, organisation, sites: mergeSites(user, organisation) };
}

const isGranted = (site: string) => browser.permissions.contains({ origins: [site] });

async function grantedAmong(sites: readonly Site[]): Promise<Set<string>> {
  const granted = await Promise.all(sites.map(async ({ site }) => ((await isGranted(site)) ? [site] : [])));
  return new Set(granted.flat());
}

/** Removes the content-script registration earlier builds kept for the sites in use. */
export async function retireRegistration(): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
}

type Change = (user: SiteEntry[], organisation: OrganisationSettings) => SiteEntry[];

/** Applies one change to the user's list and saves it. */
function changeSites(change: Change): Promise<void> {
  return lock.run(async () => {
    const { user, organisation } = await sitesNow();
    const next = change(user, organisation);
    if (JSON.stringify(next) !== JSON.stringify(user)) {
      await browser.storage.local.set({ [storageKeys.sites]: next });
    }
  });
}

async function refuseUnlessGranted(site: string): Promise<void> {
  if (!(await isGranted(site))) {
    throw new MessageError(
      'permission-needed',
      `The browser has not allowed the extension on ${siteName(site)}, so it was not turned on.`,
    );
  }
}

async function removeOverlayFromTabs(site: string, removeOverlay: RemoveOverlay): Promise<void> {
  const tabs = await browser.tabs.query({ url: site });
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : removeOverlay(tab.id))));
}

/** Adds a site (or switches a listed one on) once the browser grants it. */
export async function addSite(site: string): Promise<void> {
  await refuseUnlessGranted(site);
  await changeSites((user, organisation) => withSiteAdded(user, organisation, site));
}

/** Off keeps the site and its permission, and takes the overlay off its open tabs. */
export async function switchSite(site: string, on: boolean, removeOverlay: RemoveOverlay): Promise<void> {
  if (on) await refuseUnlessGranted(site);
  await changeSites((user, organisation) => withSiteSwitched(user, organisation, site, on));
  if (!on) await removeOverlayFromTabs(site, removeOverlay);
}

export async function chooseAdapter(site: string, adapter: string | undefined): Promise<void> {
  await changeSites((user, organisation) => withAdapterChosen(user, organisation, site, adapter));
}

/**
 * Forgets a site and gives up the browser's permission for it, except where
 * the build itself requires the host (localhost in development and test
 * builds), which cannot be given up.
 */
export async function removeSite(site: string, removeOverlay: RemoveOverlay): Promise<void> {
  await changeSites((user, organisation) => withSiteRemoved(user, organisation, site));
  await removeOverlayFromTabs(site, removeOverlay);
  const required = browser.runtime.getManifest().host_permissions ?? [];
  if (!required.includes(site)) await browser.permissions.remove({ origins: [site] });
}

/** Every site with what the browser allows, and the adapters there are to choose from. */
export async function listSites(): Promise<SiteListing> {
  const { sites, organisation } = await sitesNow();
  return siteListing(sites, organisation, await grantedAmong(sites));
}

/** The adapters to try on the pages of a site: its chosen adapter, or IT's and then the built-in ones. */
export async function adaptersOfSite(pattern: string | undefined): Promise<SiteAdapter[]> {
  const { sites, organisation } = await sitesNow();
  return adaptersForSite(
    sites.find((site) => site.site === pattern),
    organisation.adapters,
  );
}

export const adaptersForPage = (url: string | undefined) => adaptersOfSite(sitePatternFor(url));

/** Runs the content script in one tab now (the site was just enabled, or "Open panel here once"). */
export async function injectOverlay(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
}

export async function siteStatus(url: string | undefined): Promise<SiteStatus> {
  const pattern = sitePatternFor(url);
  if (!pattern) return { site: null, enabled: false, locked: false };
  const { sites, organisation } = await sitesNow();
  const site = sites.find((candidate) => candidate.site === pattern);
  return {
    site: pattern,
    enabled: site?.on === true && (await isGranted(pattern)),
    locked: site?.locked ?? false,
    ...(site?.organisation ? { setBy: organisationLabel(organisation) } : {}),
  };
}

function siteOf(url: string | undefined): string {
  const site = sitePatternFor(url);
  if (!site)
    throw new MessageError('not-a-site', 'The overlay works on web pages of your case-record system.');
  return site;
}

/**
 * The popup's "Use on this site": adds (or switches on) the site of `url` and
 * shows the overlay in `tabId` at once. The browser's permission must already
 * be granted: the popup asks for it from the user's click, which only a page can do.
 */
export async function enableSite(url: string | undefined, tabId?: number): Promise<void> {
  await addSite(siteOf(url));
  if (tabId !== undefined) await injectOverlay(tabId);
}

/** The popup's "Use on this site" unticked: the site is switched off and stays in the list. */
export async function disableSite(url: string | undefined, removeOverlay: RemoveOverlay): Promise<void> {
  await switchSite(siteOf(url), false, removeOverlay);
}
