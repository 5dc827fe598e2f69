import { browser } from 'wxt/browser';
import { type Route, route } from '@/lib/messaging';
import {
  addSite,
  chooseAdapter,
  disableSite,
  enableSite,
  listSites,
  removeSite,
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
import { type FindChildIn, testSite } from './site-test';

const urlOf = async (tabId: number) => (await browser.tabs.get(tabId)).url;

/**
 * What the sites' messages need of the overlay in a tab. lib/overlay depends on
 * lib/sites (it runs where sites are in use), so the background hands these in.
 */
export interface OverlayInTabs {
  removeOverlayFrom(tabId: number): Promise<void>;
  showPanelIn(tabId: number, open?: boolean): Promise<void>;
  findChildIn: FindChildIn;
}

/**
 * The popup's and the options page's messages about sites. `storageReady`
 * resolves once the store has migrated storage (the sites' layout changed in
 * version 3), so nothing reads or writes the list in its old shape.
 */
export function siteRoutes(storageReady: () => Promise<unknown>, overlay: OverlayInTabs): Route[] {
  const { removeOverlayFrom, showPanelIn, findChildIn } = overlay;
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
