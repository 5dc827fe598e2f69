import { browser } from 'wxt/browser';
import {
  type HandlerContext,
  MessageError,
  type Route,
  route,
  sendMessage,
  type Transport,
} from '@/lib/messaging';
import {
  forgetPageContext,
  type PageContext,
  readPageContext,
  writePageContext,
} from '@/lib/overlay/page-context';
import { settingsInForce } from '@/lib/settings/in-force';
import { readManagedArea } from '@/lib/settings/managed';
import { adaptersForPage, injectOverlay } from '@/lib/sites/enablement';
import { type StorageSnapshot, storageKeys } from '@/lib/storage/keys';
import { childKeyOf } from './child-reference';
import { escalationsOf, type ParsedEscalations } from './first-screen';
import { readOverlayLayout, saveOverlayLayout } from './layout-store';
import {
  overlayRemove,
  overlayRunning,
  overlayShow,
  pageChanged,
  pageHello,
  pageLayout,
} from './page-messages';
import { TOGGLE_PANEL_COMMAND } from './page-protocol';
import { confirmChildIn, findChildIn, insertCaseNoteIn } from './page-scripts';
import { panelEnterReference, panelFirstScreen, panelInsert, panelPageChanged } from './panel-messages';

/**
 * The background's side of the overlay: it finds the child when a page
 * changes and keeps each tab's page context, answers the panel for its own
 * tab, and passes the panel's Insert on to the page as text alone.
 */

/** The content script in a tab's top frame, where the overlay runs. */
const toPage =
  (tabId: number): Transport =>
  (envelope) =>
    browser.tabs.sendMessage(tabId, envelope, { frameId: 0 });

/**
 * Keeps a tab's page context and tells the panels beside it, by their frames
 * (a panel framed into a web page gets no storage.session in Firefox, so it
 * cannot watch storage itself; the content script in the same tab is never told).
 */
async function updatePage(tabId: number, page: PageContext): Promise<void> {
  await writePageContext(tabId, page);
  const { panelFrames = [], ...shown } = page;
  await Promise.all(
    panelFrames.map((frameId) => {
      const toPanel: Transport = (envelope) => browser.tabs.sendMessage(tabId, envelope, { frameId });
      return sendMessage(toPanel, panelPageChanged, { tabId, page: shown }).catch(() => undefined);
    }),
  );
}

function tabOf({ sender }: HandlerContext): number {
  if (sender.tab?.id === undefined) throw new MessageError('not-in-a-tab', 'This works only beside a page.');
  return sender.tab.id;
}

/** Only the top frame's overlay speaks for the page; the panel is always a framed page. */
function pageTab(context: HandlerContext): number {
  if (context.sender.frameId !== 0) throw new MessageError('forbidden', 'Only the page itself may say this.');
  return tabOf(context);
}

function panelTab(context: HandlerContext): number {
  if (!context.sender.frameId)
    throw new MessageError('forbidden', 'Only the panel beside a page may ask this.');
  return tabOf(context);
}

/** The page beside the asking panel; the panel's frame is kept with it, to be told of every change. */
async function pageBesidePanel(
  context: HandlerContext,
): Promise<{ tabId: number; page: PageContext | null }> {
  const tabId = panelTab(context);
  const page = await readPageContext(tabId);
  if (!page) return { tabId, page: null };
  const frameId = context.sender.frameId as number;
  const panelFrames = [...new Set([...(page.panelFrames ?? []), frameId])];
  await writePageContext(tabId, { ...page, panelFrames });
  return { tabId, page };
}

/** `stored`: the background's copy of `storage.local` (lib/storage's LocalCopy). */
export function overlayRoutes(stored: () => Promise<StorageSnapshot>): Route[] {
  // Each stored escalation parsed once for as long as the worker runs.
  const parsed: ParsedEscalations = new WeakMap();
  return [
    route(pageHello, async (_, context) => {
      // A new page load: its panel frames are new too, and they will ask.
      await updatePage(pageTab(context), { looked: false, child: null });
      return readOverlayLayout();
    }),
    route(pageChanged, async (_, context) => {
      const tabId = pageTab(context);
      const child = await findChildIn(tabId, await adaptersForPage(context.sender.url));
      const before = await readPageContext(tabId);
      // A reference the practitioner typed stays while the page still shows no child.
      const entered = child === null ? before?.entered : undefined;
      const after = { ...before, looked: true, child, entered };
      if (JSON.stringify(after) !== JSON.stringify(before)) await updatePage(tabId, after);
      return {};
    }),
    route(pageLayout, async (layout, context) => {
      pageTab(context);
      await saveOverlayLayout(layout);
      return {};
    }),
    route(panelFirstScreen, async (_, context) => {
      const [{ tabId, page }, snapshot, managed] = await Promise.all([
        pageBesidePanel(context),
        stored(),
        readManagedArea(browser.storage.managed),
      ]);
      return {
        tabId,
        page,
        settings: settingsInForce(snapshot[storageKeys.settings], managed),
        escalations: escalationsOf(snapshot, childKeyOf(page), parsed),
      };
    }),
    route(panelEnterReference, async ({ reference }, context) => {
      const tabId = panelTab(context);
      const page = await readPageContext(tabId);
      if (!page) throw new MessageError('no-page', 'The page beside the panel is not running the overlay.');
      await updatePage(tabId, { ...page, entered: reference });
      return {};
    }),
    route(panelInsert, async ({ text, child }, context) => {
      const tabId = panelTab(context);
      try {
        // The page is asked again which child it shows; only that child's record goes in.
        const adapters = await adaptersForPage((await browser.tabs.get(tabId)).url);
        const otherChild = await confirmChildIn(tabId, adapters, child);
        if (otherChild) return otherChild;
        return await insertCaseNoteIn(tabId, text);
      } catch {
        throw new MessageError(
          'no-page',
          'The page beside the panel has closed or changed. Reload it and try again.',
        );
      }
    }),
  ];
}

/**
 * Opens, closes or toggles the panel in a tab. A page without the overlay gets
 * it once, through the activeTab grant that the toolbar click or the keyboard
 * shortcut gave.
 */
export async function showPanelIn(tabId: number, open?: boolean): Promise<void> {
  const request = open === undefined ? {} : { open };
  try {
    await sendMessage(toPage(tabId), overlayShow, request);
  } catch {
    await injectOverlay(tabId);
    await sendMessage(toPage(tabId), overlayShow, { open: true });
  }
}

/**
 * Runs the overlay in a tab whose page has loaded, unless it already runs
 * there (an in-page navigation, a page back from the browser's cache, the
 * toolbar pressed while the page loaded).
 */
export async function runOverlayIn(tabId: number): Promise<void> {
  const running = await sendMessage(toPage(tabId), overlayRunning, {}).then(
    () => true,
    () => false,
  );
  if (!running) await injectOverlay(tabId);
}

/** Removes the overlay from a tab (its site was turned off); a tab without it is left alone. */
export async function removeOverlayFrom(tabId: number): Promise<void> {
  await sendMessage(toPage(tabId), overlayRemove, {}).catch(() => undefined);
  await forgetPageContext(tabId);
}

/** The keyboard shortcut, and forgetting a tab's page when it closes. */
export function followShortcutAndTabs(): void {
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== TOGGLE_PANEL_COMMAND) return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId !== undefined) await showPanelIn(tabId).catch(() => undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetPageContext(tabId);
  });
}
