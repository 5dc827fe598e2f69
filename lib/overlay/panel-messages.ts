import { escalationSchema } from '@/lib/escalation/schema';
import { defineMessage } from '@/lib/messaging';
import { pageContextSchema } from '@/lib/overlay/page-context';
import { policySchema } from '@/lib/policy/schema';
import { settingsSchema } from '@/lib/settings/schema';
import * as z from '../schema/zod';
import { insertOutcomeSchema } from './page-messages';

/**
 * The panel's messages to the background. The panel is an extension page
 * framed into a tab; the background answers for that tab (`sender.tab.id`), so
 * the panel learns which child it shows only from the background.
 */

/**
 * The panel's first screen in one answer: its tab and page, the settings in
 * force and the escalations of the child the page shows (only that child's),
 * from the background's copy of storage. Asked again when the page moves to
 * another child.
 */
export const panelFirstScreen = defineMessage('panel/first-screen', {
  request: z.object({}),
  reply: z.object({
    tabId: z.number(),
    page: z.nullable(pageContextSchema),
    // In force, the organisation's inline policy joins the user's own, so one more than they may keep.
    settings: z.object({ ...settingsSchema.shape, importedPolicies: z.array(policySchema) }),
    escalations: z.array(escalationSchema),
  }),
  from: ['extension-page'],
});

export const panelEnterReference = defineMessage('panel/enter-reference', {
  request: z.object({ reference: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)) }),
  reply: z.object({}),
  from: ['extension-page'],
});

/** The child a case-note record is about (lib/overlay/right-child's `RecordChild`). */
const recordChildSchema = z.object({
  recordId: z.string().check(z.minLength(1), z.maxLength(60)),
  system: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  entered: z.boolean(),
});

/**
 * Text for the case note and the child it is about: passed to the page's
 * content script only after the Insert press, and only while the page still
 * shows that child.
 */
export const panelInsert = defineMessage('panel/insert', {
  request: z.object({
    text: z.string().check(z.minLength(1), z.maxLength(100_000)),
    child: recordChildSchema,
  }),
  reply: insertOutcomeSchema,
  from: ['extension-page'],
});

/**
 * Background → every extension page: the page context of one tab changed.
 * Panels keep the one for their own tab. (A panel framed into a web page has
 * no storage.session in Firefox, so it cannot watch storage itself.)
 */
export const panelPageChanged = defineMessage('panel/page-changed', {
  request: z.object({ tabId: z.number(), page: z.nullable(pageContextSchema) }),
  reply: z.object({}),
  from: ['extension-page'],
});
