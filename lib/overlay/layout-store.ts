import { browser } from 'wxt/browser';
import { OVERLAY_LAYOUT_KEY } from '@/lib/storage/keys';
import * as z from '../schema/zod';
import { layoutSchema } from './page-messages';
import { type OverlayLayout, PANEL_WIDTH } from './page-protocol';

export async function readOverlayLayout(): Promise<OverlayLayout> {
  const stored = (await browser.storage.local.get(OVERLAY_LAYOUT_KEY))[OVERLAY_LAYOUT_KEY];
  const parsed = z.safeParse(layoutSchema, stored);
  return parsed.success ? parsed.data : { open: false, width: PANEL_WIDTH.default };
}

export async function saveOverlayLayout(layout: OverlayLayout): Promise<void> {
  await browser.storage.local.set({ [OVERLAY_LAYOUT_KEY]: layout });
}
