import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { pageWorld } from '@/lib/overlay/page-world';
import { installChildFinder } from '@/lib/overlay/right-child';

// Run by the background in the content script's world when the page changes or Insert is pressed
// (lib/overlay/page-scripts).
export default defineUnlistedScript(() => {
  installChildFinder(pageWorld(), window);
});
