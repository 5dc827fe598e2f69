import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountOverlay } from '@/lib/overlay';

export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  main(ctx) {
    const overlay = mountOverlay({ document, panelUrl: browser.runtime.getURL('/panel.html') });
    ctx.onInvalidated(() => overlay.remove());
  },
});
