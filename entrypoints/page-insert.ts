import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { focusCaseNote } from '@/lib/overlay/insert-case-note';
import { pageWorld } from '@/lib/overlay/page-world';

// Run by the background in the content script's world on the panel's Insert press (lib/overlay/page-scripts).
export default defineUnlistedScript(() => {
  const world = pageWorld();
  world.focusCaseNote = () => focusCaseNote(world);
});
