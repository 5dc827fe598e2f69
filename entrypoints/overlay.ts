import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runOverlay } from '@/lib/overlay/content';
import type { PageRuntime } from '@/lib/overlay/page-channel';

// Run by the background in each page of a site in use once it has loaded (lib/sites/background),
// or once into one tab through activeTab. An unlisted script, not a WXT content script: WXT's
// content-script start-up posts the extension id into the page and lets the page stop the script.
export default defineUnlistedScript(() => {
  runOverlay(window, browser.runtime as unknown as PageRuntime);
});
