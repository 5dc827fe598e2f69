import { browser } from 'wxt/browser';
import { type Route, route } from '@/lib/messaging';
import { removeOverlayFrom, runOverlayIn, showPanelIn } from '@/lib/overlay/background';
import { findChildIn } from '@/lib/overlay/page-scripts';
import {
  addSite,
  chooseAdapter,
  disableSite,
  enableSite,
  listSites,
  removeSite,
  retireRegistration,
  siteStatus,
  switchSite,
} from './enablement';
import {
  addSiteMessage,
  chooseAdapterMessage,
  disableSiteMessage,
  enableSiteMessage,
  listSitesMessage,
  openPanelHereMessage,
  removeSiteMessage,
  siteStatusMessage,
  switchSiteMessage,
  testSiteMessage,
} from './messages';
import { testSite } from './site-test';

const urlOf = async (tabId: number) => (await browser.tabs.get(tabId)).url;

/**
 * The popup's and the options page's messages about sites. `storageReady`
 * resolves once the store has migrated storage (the sites' layout changed in
 * version 3), so nothing reads or writes the list in its old shape.
 */
export function siteRoutes(storageReady: () => Promise<unknown>): Route[] {
  const listAfter = async (change: () => Promise<void>) => {
    await storageReady();
    await change();
    return listSites();
  };
  return [
    route(siteStatusMessage, async ({ tabId }) => {
      await storageReady();
      return siteStatus(await urlOf(tabId));
    }),
    route(enableSiteMessage, async ({ tabId }) => {
      await storageReady();
      await enableSite(await urlOf(tabId), tabId);
      return {};
    }),
    route(disableSiteMessage, async ({ tabId }) => {
      await storageReady();
      await disableSite(await urlOf(tabId), removeOverlayFrom);
      return {};
    }),
    route(openPanelHereMessage, async ({ tabId }) => {
      await showPanelIn(tabId, true);
      return {};
    }),
    route(listSitesMessage, () => listAfter(async () => {})),
    route(addSiteMessage, ({ site }) => listAfter(() => addSite(site))),
    route(switchSiteMessage, ({ site, on }) => listAfter(() => switchSite(site, on, removeOverlayFrom))),
    route(chooseAdapterMessage, ({ site, adapter }) =>
      listAfter(() => chooseAdapter(site, adapter ?? undefined)),
    ),
    route(removeSiteMessage, ({ site }) => listAfter(() => removeSite(site, removeOverlayFrom))),
    route(testSiteMessage, async ({ site }) => {
      await storageReady();
      return testSite(site, findChildIn);
    }),
  ];
}

/** How long a page may take to load before the overlay runs in it all the same. */
export const SLOW_PAGE_MS = 3_000;

/**
 * Runs the overlay in each page of a site in use once the page has loaded
 * (its tab has finished loading), never while it loads: Chromium holds a
 * page's load for a content script that runs during it, even an empty one.
 * A page still loading after SLOW_PAGE_MS (an image or frame that never
 * arrives) gets it then, so the practitioner is never left without it.
 * A tab's address is known only on sites the browser lets the extension see.
 */
export function runOverlayOnSites(storageReady: () => Promise<unknown>): void {
  const retire = () => void retireRegistration().catch((error: unknown) => console.error(error));
  browser.runtime.onInstalled.addListener(retire);
  browser.runtime.onStartup.addListener(retire);

  const runIfInUse = (tabId: number, url: string) =>
    void storageReady()
      .then(() => siteStatus(url))
      .then((status) => (status.enabled ? runOverlayIn(tabId) : undefined))
      // The tab closed, or moved on to a page the extension may not run in.
      .catch(() => undefined);
  const slowPages = new Map<number, ReturnType<typeof setTimeout>>();
  const stopWaiting = (tabId: number) => {
    clearTimeout(slowPages.get(tabId));
    slowPages.delete(tabId);
  };

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (!tab.url || (change.status !== 'loading' && change.status !== 'complete')) return;
    stopWaiting(tabId);
    if (change.status === 'complete') {
      runIfInUse(tabId, tab.url);
      return;
    }
    const waited = setTimeout(() => {
      slowPages.delete(tabId);
      // The address now, which may have changed while the page loaded.
      void browser.tabs.get(tabId).then(
        ({ url }) => url && runIfInUse(tabId, url),
        () => undefined,
      );
    }, SLOW_PAGE_MS);
    slowPages.set(tabId, waited);
  });
  browser.tabs.onRemoved.addListener(stopWaiting);
}
