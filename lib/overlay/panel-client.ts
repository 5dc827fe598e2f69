import { browser } from 'wxt/browser';
import { createMessageRouter, route, sendMessage, type Transport } from '@/lib/messaging';
import type { PageContext } from '@/lib/overlay/page-context';
import { storageKeys } from '@/lib/storage/keys';
import { type FollowScreen, followPanelScreen } from './first-screen';
import type { InsertOutcome } from './page-protocol';
import { panelEnterReference, panelFirstScreen, panelInsert, panelPageChanged } from './panel-messages';
import type { RecordChild } from './right-child';

/** What the panel's UI may ask of the extension; components get it as a prop and touch no browser API. */
export interface PanelClient {
  /**
   * The first screen as soon as the background answers (the page beside the
   * panel, null when it is not beside a page running the overlay; the
   * settings; that child's escalations), then every change; returns the
   * function that stops.
   */
  followScreen: FollowScreen;
  enterReference(reference: string): Promise<void>;
  /** Inserts a record about `child` into the page's case note, only while the page still shows that child. */
  insert(text: string, child: RecordChild): Promise<InsertOutcome>;
  copy(text: string): Promise<void>;
}

const runtimeTransport: Transport = (envelope) => browser.runtime.sendMessage(envelope);

/** The page changes the background announces for one tab. */
function watchPage(tabId: number, onChange: (page: PageContext | null) => void): () => void {
  const listener = createMessageRouter(
    [
      route(panelPageChanged, (change) => {
        if (change.tabId === tabId) onChange(change.page);
        return {};
      }),
    ],
    { id: browser.runtime.id, origin: browser.runtime.getURL('/') },
  );
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/**
 * `focusPanel` takes the focus back into the panel before a copy: the browser writes the clipboard only
 * for a focused document, and an insertion the editor did not take has left the focus in the page.
 * `toBackground` is how messages reach the background (tests hand in the background's own router).
 */
export function createPanelClient(
  clipboard: Pick<Clipboard, 'writeText'>,
  focusPanel: () => void,
  toBackground: Transport = runtimeTransport,
): PanelClient {
  return {
    followScreen: (show, failed) =>
      followPanelScreen(
        {
          ask: () => sendMessage(toBackground, panelFirstScreen, {}),
          watchPage,
          changes: { local: browser.storage.local.onChanged, managed: browser.storage.managed.onChanged },
          // Only after a change to the settings: the first screen has them from the background.
          readSettings: async () =>
            (await import('@/lib/settings/in-force')).readSettingsInForce(
              async () => (await browser.storage.local.get(storageKeys.settings))[storageKeys.settings],
              browser.storage.managed,
            ),
        },
        show,
        failed,
      ),
    enterReference: async (reference) => {
      await sendMessage(toBackground, panelEnterReference, { reference });
    },
    insert: (text, child) => sendMessage(toBackground, panelInsert, { text, child }),
    copy: (text) => {
      focusPanel();
      return clipboard.writeText(text);
    },
  };
}
