import { defineMessage } from '@/lib/messaging';
import * as z from '../schema/zod';
import { PANEL_WIDTH, pageMessageTypes } from './page-protocol';

/**
 * The content script's messages, declared for the background, which parses
 * everything a page-side script sends it (a content script runs in the host
 * page's process and is the least trusted of our contexts). None carries
 * child or escalation data.
 */

const shortText = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

export const foundChildSchema = z.object({
  adapterId: shortText(100),
  system: shortText(200),
  recordId: shortText(60),
  displayName: z.optional(shortText(200)),
  recordUrl: z.url({ protocol: /^https?$/ }).check(z.maxLength(2000)),
});

export const layoutSchema = z.object({
  open: z.boolean(),
  width: z.number().check(z.gte(PANEL_WIDTH.min), z.lte(PANEL_WIDTH.max)),
});

const nothing = z.object({});

export const pageHello = defineMessage(pageMessageTypes.hello, {
  request: nothing,
  reply: layoutSchema,
  from: ['content-script'],
});

export const pageChanged = defineMessage(pageMessageTypes.changed, {
  request: nothing,
  reply: nothing,
  from: ['content-script'],
});

export const pageLayout = defineMessage(pageMessageTypes.layout, {
  request: layoutSchema,
  reply: nothing,
  from: ['content-script'],
});

// Sent by the background (an extension page to the content script's eyes); the
// background parses the replies.
export const overlayShow = defineMessage(pageMessageTypes.show, {
  request: z.object({ open: z.optional(z.boolean()) }),
  reply: z.object({ open: z.boolean() }),
  from: ['extension-page'],
});

const insertMethodSchema = z.enum([
  'value',
  'ckeditor5',
  'ckeditor4',
  'tinymce',
  'quill',
  'paste',
  'typing',
  'none',
  'moved',
]);
const insertRefusalSchema = z.object({
  inserted: z.literal(false),
  reason: z.enum(['no-field', 'panel-hidden', 'not-from-panel', 'not-accepted', 'other-child']),
  detail: z.string().check(z.maxLength(200)),
});

/** What an Insert press came to, for the panel. */
export const insertOutcomeSchema = z.union([
  z.object({ inserted: z.literal(true), method: insertMethodSchema }),
  insertRefusalSchema,
]);

/** The content script's checks before the insertion (parsed: that world shares the page's process). */
export const fieldFocusSchema = z.union([
  z.object({ focused: z.literal(true), address: z.string().check(z.maxLength(8000)) }),
  insertRefusalSchema,
]);

/** The field read back by the insertion in the page's own world, which the page can see and steer. */
export const pageInsertionSchema = z.object({
  method: insertMethodSchema,
  before: z.string().check(z.maxLength(5_000_000)),
  after: z.string().check(z.maxLength(5_000_000)),
});

/** The page's answer to "does it still show this child?" (parsed: the page's world is not trusted). */
export const childCheckSchema = z.union([
  z.object({ same: z.literal(true) }),
  z.object({ same: z.literal(false), shows: z.string().check(z.maxLength(200)) }),
]);

export const overlayRemove = defineMessage(pageMessageTypes.remove, {
  request: nothing,
  reply: nothing,
  from: ['extension-page'],
});

export const overlayRunning = defineMessage(pageMessageTypes.running, {
  request: nothing,
  reply: nothing,
  from: ['extension-page'],
});
