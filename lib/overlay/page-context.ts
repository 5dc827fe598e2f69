import { browser } from 'wxt/browser';
import { foundChildSchema } from '@/lib/overlay/page-messages';
import { pageContextKey } from '@/lib/storage/keys';
import * as z from '../schema/zod';

/**
 * What the background knows about the page in each tab that runs the overlay:
 * which child the page shows, or the reference the practitioner typed when
 * none was found. One storage.session key per tab: in memory only, gone on
 * restart, removed when the tab closes, and out of content scripts' reach
 * (session storage is open only to the extension's own pages by default). The
 * background is its only reader and writer; panels hear of changes by message.
 * The child's name is kept here only so the panel beside the page can show it.
 */

export const pageContextSchema = z.object({
  /** False until the content script has looked for the child. */
  looked: z.boolean(),
  child: z.nullable(foundChildSchema),
  /** The reference the practitioner entered for this page when none was found on it. */
  entered: z.optional(z.string().check(z.minLength(1), z.maxLength(60))),
  /** The frames of the panels open beside this page, told of every change. */
  panelFrames: z.optional(z.array(z.number())),
});

export type PageContext = z.infer<typeof pageContextSchema>;

export async function readPageContext(tabId: number): Promise<PageContext | undefined> {
  const key = pageContextKey(tabId);
  const parsed = z.safeParse(pageContextSchema, (await browser.storage.session.get(key))[key]);
  return parsed.success ? parsed.data : undefined;
}

export async function writePageContext(tabId: number, context: PageContext): Promise<void> {
  await browser.storage.session.set({ [pageContextKey(tabId)]: z.parse(pageContextSchema, context) });
}

export async function forgetPageContext(tabId: number): Promise<void> {
  await browser.storage.session.remove(pageContextKey(tabId));
}
