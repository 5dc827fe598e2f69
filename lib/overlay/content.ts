import type { RequestOf } from '@/lib/messaging';
import { trackCaseNoteFields } from './case-note-field';
import { mountOverlay } from './mount-overlay';
import { followNavigation, watchPageBriefly } from './navigation';
import { answerExtension, ask, type PageRuntime } from './page-channel';
import type { overlayShow, pageChanged, pageHello, pageLayout } from './page-messages';
import { pageMessageTypes as types } from './page-protocol';
import { renewPageWorld } from './page-world';

/**
 * What the content script does on every page of an enabled site, and nothing
 * more: mount the launcher and the panel frame, remember the last case-note
 * field, and tell the background when the page changes (in-page navigation
 * included) so it can find the child. Finding the child and inserting a case
 * note are run in this script's world by the background, on demand
 * (./page-scripts). Returns the function that stops all of it (the extension
 * was reloaded or updated, or the site was turned off).
 */

// After an update or reload the old copy can no longer reach the extension
// ("Extension context invalidated"); it stops once it notices, and until then
// its failed messages must never surface in the host page.
const quietly = (promise: Promise<unknown>) => void promise.catch(() => undefined);

/**
 * Whether this copy still belongs to a running extension: after a reload or
 * update the browser leaves the old copy running with no `runtime.id`. Asked
 * of the browser, never of the page, so nothing the page sends can stop us.
 */
function orphaned(runtime: PageRuntime): boolean {
  try {
    return !runtime.id;
  } catch {
    return true;
  }
}

export function runOverlay(window: Window, runtime: PageRuntime): () => void {
  // A newer copy of this script (the site was just enabled in an open tab) replaces the older one.
  const world = renewPageWorld();
  const overlay = mountOverlay({
    document: window.document,
    panelUrl: runtime.getURL('/panel.html'),
    onLayoutChange: (layout) => quietly(ask<typeof pageLayout>(runtime, types.layout, layout)),
  });
  world.panel = overlay;
  const stopTracking = trackCaseNoteFields(window, world);

  const changed = () => quietly(ask<typeof pageChanged>(runtime, types.changed, {}));
  // The finder loaded on demand (entrypoints/page-find-child) calls this when the child's id area changes.
  world.changed = changed;
  const settle = watchPageBriefly(window, changed);
  const onNavigate = () => {
    changed();
    settle.watch();
  };
  const stopFollowing = followNavigation(window, onNavigate);
  const orphanCheck = window.setInterval(() => orphaned(runtime) && stop(), 500);
  const stopAnswering = answerExtension(runtime, {
    [types.show]: (payload) => {
      const { open = !overlay.isOpen() } = payload as RequestOf<typeof overlayShow>;
      if (open) overlay.open();
      else overlay.close();
      return { open: overlay.isOpen() };
    },
    [types.remove]: () => {
      stop();
      return {};
    },
    // The background asks before it runs the overlay in a page that has just loaded.
    [types.running]: () => ({}),
  });

  quietly(
    ask<typeof pageHello>(runtime, types.hello, {}).then((layout) => {
      // A panel opened from the toolbar while this script was starting stays open.
      overlay.applyLayout({ ...layout, open: layout.open || overlay.isOpen() });
      onNavigate();
    }),
  );

  function stop() {
    window.clearInterval(orphanCheck);
    world.unwatch?.();
    stopFollowing();
    stopAnswering();
    settle.stop();
    stopTracking();
    overlay.remove();
  }
  world.stop = stop;
  return stop;
}
