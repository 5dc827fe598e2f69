import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOverlay } from '@/lib/overlay/content';
import type { PageRuntime } from '@/lib/overlay/page-channel';

// Run by the background in each page of a site in use once it has loaded (lib/sites/background),
// or once into one tab through activeTab.
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    const stop = runOverlay(window, browser.runtime as unknown as PageRuntime);
    ctx.onInvalidated(stop);
  },
});
