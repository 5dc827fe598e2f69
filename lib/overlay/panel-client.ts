import { browser } from 'wxt/browser';
import { createMessageRouter, route, sendMessage } from '@/lib/messaging';
import type { PageContext } from '@/lib/overlay/page-context';
import type { InsertOutcome } from './page-protocol';
import { panelEnterReference, panelInsert, panelPage, panelPageChanged } from './panel-messages';
import type { RecordChild } from './right-child';

/** What the panel's UI may ask of the extension; components get it as a prop and touch no browser API. */
export interface PanelClient {
  /** The page beside the panel; null when the panel is not beside a page running the overlay. */
  loadPage(): Promise<{ tabId: number; page: PageContext | null }>;
  watchPage(tabId: number, onChange: (page: PageContext | null) => void): () => void;
  enterReference(reference: string): Promise<void>;
  /** Inserts a record about `child` into the page's case note, only while the page still shows that child. */
  insert(text: string, child: RecordChild): Promise<InsertOutcome>;
  copy(text: string): Promise<void>;
}

const toBackground = (envelope: unknown) => browser.runtime.sendMessage(envelope);

/**
 * `focusPanel` takes the focus back into the panel before a copy: the browser writes the clipboard only
 * for a focused document, and an insertion the editor did not take has left the focus in the page.
 */
export function createPanelClient(
  clipboard: Pick<Clipboard, 'writeText'>,
  focusPanel: () => void,
): PanelClient {
  return {
    loadPage: () => sendMessage(toBackground, panelPage, {}),
    watchPage(tabId, onChange) {
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
    },
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
