import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { pageWorld } from '@/lib/overlay/page-world';
import { findChild } from '@/lib/sites/find-child';

// Run by the background in the content script's world when the page changes (lib/overlay/page-scripts).
export default defineUnlistedScript(() => {
  pageWorld().findChild = (adapters) => findChild(document, location.href, adapters);
});
