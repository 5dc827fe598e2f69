import { browser } from 'wxt/browser';
import { type Route, route } from '@/lib/messaging';
import { removeOverlayFrom, showPanelIn } from '@/lib/overlay/background';
import { findChildIn } from '@/lib/overlay/page-scripts';
import { storageKeys } from '@/lib/storage/layout';
import {
  addSite,
  chooseAdapter,
  disableSite,
  enableSite,
  listSites,
  removeSite,
  siteStatus,
  switchSite,
  syncRegistration,
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

/**
 * Registrations match the sites that are on and granted after every install,
 * update and browser start, and whenever the list, the organisation's policy
 * (Chrome announces changes to it; Firefox reads it at start only) or the
 * browser's permissions change.
 */
export function keepSitesInStep(storageReady: () => Promise<unknown>): void {
  const sync = () =>
    void storageReady()
      .then(syncRegistration)
      .catch((error: unknown) => console.error(error));
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (area === 'local' && storageKeys.sites in changes)) sync();
  });
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
}
