import { browser } from 'wxt/browser';
import { sendMessage, type Transport } from '@/lib/messaging';
import { storageKeys } from '@/lib/storage/keys';
import {
  addSiteMessage,
  chooseAdapterMessage,
  listSitesMessage,
  removeSiteMessage,
  type SiteTestResult,
  switchSiteMessage,
  testSiteMessage,
} from './messages';
import type { SiteListing } from './site-list';

/** After asking the browser: declined, or done with the list as it now is. */
export type AfterAsking = { granted: false } | { granted: true; listing: SiteListing };

/** What the options page's Sites section may ask of the extension; the component touches no browser API. */
export interface SitesClient {
  list(): Promise<SiteListing>;
  /** Calls back when the list, the organisation's policy or the browser's permissions change. */
  watch(onChange: () => void): () => void;
  /**
   * Asks the browser for this site only, then adds it (switches it on). Must
   * be called straight from the click: browsers allow the prompt only there.
   */
  add(site: string): Promise<AfterAsking>;
  /** As `add`, for a site already listed: switching on asks the browser first when it has not allowed the site. */
  switchOn(site: string): Promise<AfterAsking>;
  switchOff(site: string): Promise<SiteListing>;
  /** null: "Automatic", every adapter is tried. */
  chooseAdapter(site: string, adapter: string | null): Promise<SiteListing>;
  remove(site: string): Promise<SiteListing>;
  test(site: string): Promise<SiteTestResult>;
}

export function createSitesClient(transport: Transport): SitesClient {
  const askThen = async (site: string, then: () => Promise<SiteListing>): Promise<AfterAsking> => {
    const granted = await browser.permissions.request({ origins: [site] });
    return granted ? { granted: true, listing: await then() } : { granted: false };
  };
  return {
    list: () => sendMessage(transport, listSitesMessage, {}),
    watch(onChange) {
      const onStorage = (changes: Record<string, unknown>, area: string) => {
        if (area === 'managed' || (area === 'local' && storageKeys.sites in changes)) onChange();
      };
      const onPermissions = () => onChange();
      browser.storage.onChanged.addListener(onStorage);
      browser.permissions.onAdded.addListener(onPermissions);
      browser.permissions.onRemoved.addListener(onPermissions);
      return () => {
        browser.storage.onChanged.removeListener(onStorage);
        browser.permissions.onAdded.removeListener(onPermissions);
        browser.permissions.onRemoved.removeListener(onPermissions);
      };
    },
    add: (site) => askThen(site, () => sendMessage(transport, addSiteMessage, { site })),
    switchOn: (site) => askThen(site, () => sendMessage(transport, switchSiteMessage, { site, on: true })),
    switchOff: (site) => sendMessage(transport, switchSiteMessage, { site, on: false }),
    chooseAdapter: (site, adapter) => sendMessage(transport, chooseAdapterMessage, { site, adapter }),
    remove: (site) => sendMessage(transport, removeSiteMessage, { site }),
    test: (site) => sendMessage(transport, testSiteMessage, { site }),
  };
}
