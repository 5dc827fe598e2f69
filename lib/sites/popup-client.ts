import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging';
import { disableSiteMessage, enableSiteMessage, openPanelHereMessage, siteStatusMessage } from './messages';
import { siteName } from './site-pattern';

/** The toolbar popup's view of the active tab. */
export type SiteTarget =
  | { kind: 'none' }
  | {
      kind: 'site';
      tabId: number;
      site: string;
      name: string;
      enabled: boolean;
      /** The organisation that lists the site, when it does. */
      setBy?: string;
      /** Set by the organisation and always on: it cannot be turned off here. */
      locked: boolean;
    }
  | { kind: 'not-a-site'; tabId: number };

/** What the popup's site control may ask of the extension; the component touches no browser API. */
export interface SiteClient {
  target(): Promise<SiteTarget>;
  /** Calls back when the active tab changes or navigates. */
  watchTarget(onChange: () => void): () => void;
  /**
   * Asks the browser for this site only, then enables it. Must be called
   * straight from the click: browsers allow the permission prompt only there.
   */
  turnOnForSite(target: Extract<SiteTarget, { kind: 'site' }>): Promise<'enabled' | 'declined'>;
  turnOffForSite(tabId: number): Promise<void>;
  openPanelHere(tabId: number): Promise<void>;
  /** The keyboard shortcut as the browser has it set, if any. */
  shortcut(): Promise<string | undefined>;
}

const toBackground = (envelope: unknown) => browser.runtime.sendMessage(envelope);

export function createSiteClient(): SiteClient {
  return {
    async target() {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return { kind: 'none' };
      const { site, ...status } = await sendMessage(toBackground, siteStatusMessage, { tabId: tab.id });
      return site
        ? { kind: 'site', tabId: tab.id, site, name: siteName(site), ...status }
        : { kind: 'not-a-site', tabId: tab.id };
    },
    watchTarget(onChange) {
      const onActivated = () => onChange();
      const onUpdated = (_: number, change: { url?: string; status?: string }) => {
        if (change.url || change.status === 'complete') onChange();
      };
      browser.tabs.onActivated.addListener(onActivated);
      browser.tabs.onUpdated.addListener(onUpdated);
      return () => {
        browser.tabs.onActivated.removeListener(onActivated);
        browser.tabs.onUpdated.removeListener(onUpdated);
      };
    },
    async turnOnForSite(target) {
      const granted = await browser.permissions.request({ origins: [target.site] });
      if (!granted) return 'declined';
      await sendMessage(toBackground, enableSiteMessage, { tabId: target.tabId });
      return 'enabled';
    },
    async turnOffForSite(tabId) {
      await sendMessage(toBackground, disableSiteMessage, { tabId });
    },
    async openPanelHere(tabId) {
      await sendMessage(toBackground, openPanelHereMessage, { tabId });
    },
    async shortcut() {
      const commands = await browser.commands.getAll();
      return commands.find((command) => command.shortcut)?.shortcut || undefined;
    },
  };
}
