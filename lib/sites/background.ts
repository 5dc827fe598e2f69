import { browser } from 'wxt/browser';
import { type Route, route } from '@/lib/messaging';
import { removeOverlayFrom, showPanelIn } from '@/lib/overlay/background';
import {
  disableSite,
  enableSite,
  forgetSitesOnPermissionRemoval,
  siteStatus,
  syncRegistration,
} from './enablement';
import { disableSiteMessage, enableSiteMessage, openPanelHereMessage, siteStatusMessage } from './messages';

const urlOf = async (tabId: number) => (await browser.tabs.get(tabId)).url;

export function siteRoutes(): Route[] {
  return [
    route(siteStatusMessage, async ({ tabId }) => siteStatus(await urlOf(tabId))),
    route(enableSiteMessage, async ({ tabId }) => {
      await enableSite(await urlOf(tabId), tabId);
      return {};
    }),
    route(disableSiteMessage, async ({ tabId }) => {
      await disableSite(await urlOf(tabId), removeOverlayFrom);
      return {};
    }),
    route(openPanelHereMessage, async ({ tabId }) => {
      await showPanelIn(tabId, true);
      return {};
    }),
  ];
}

/** Registrations match the enabled, granted sites after every install, update and browser start. */
export function keepSitesInStep(): void {
  const sync = () => void syncRegistration().catch((error: unknown) => console.error(error));
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
  forgetSitesOnPermissionRemoval();
}
