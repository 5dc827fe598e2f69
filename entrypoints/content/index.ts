import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOverlay } from '@/lib/overlay/content';
import type { PageRuntime } from '@/lib/overlay/page-channel';

// Registered at run time for the sites the practitioner enables (lib/sites/enablement),
// or injected once into one tab through activeTab.
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    const stop = runOverlay(window, browser.runtime as unknown as PageRuntime);
    ctx.onInvalidated(stop);
  },
});
