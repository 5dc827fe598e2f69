import { browser } from 'wxt/browser';
import { retireRegistration, siteStatus } from '@/lib/sites/enablement';
import { runOverlayIn } from './background';

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
