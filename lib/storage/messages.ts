import {
  escalationChangeSchema,
  escalationSchema,
  personSchema,
  startEscalationInputSchema,
} from '../escalation';
import { defineMessage } from '../messaging';
import * as z from '../schema/zod';
import type { SettingPath } from '../settings';
import { userSettingsSchema } from '../settings';

/**
 * The writes extension pages ask the background for. Only our own extension
 * pages may send them; content scripts never can.
 */

const escalationReply = z.object({ escalation: escalationSchema });

export const startEscalationMessage = defineMessage('escalation/start', {
  request: z.object({ input: startEscalationInputSchema, by: personSchema }),
  reply: escalationReply,
  from: ['extension-page'],
});

export const changeEscalationMessage = defineMessage('escalation/change', {
  request: z.object({
    id: z.string().check(z.minLength(1)),
    /** The revision the editor was looking at; anything else is a stale edit. */
    expectedRevision: z.number().check(z.int(), z.positive()),
    change: escalationChangeSchema,
    by: personSchema,
  }),
  reply: escalationReply,
  from: ['extension-page'],
});

const settingPathSchema = z
  .string()
  .check(z.regex(/^[a-zA-Z]+(\.[a-zA-Z]+)?$/)) as z.ZodMiniType<SettingPath>;

export const saveSettingsMessage = defineMessage('settings/save', {
  request: z.object({
    /** Only the settings the user changed; calendar fields and contacts one by one. */
    changes: userSettingsSchema,
    /** Settings to put back to the organisation's or the release's value. */
    reset: z._default(z.array(settingPathSchema), []),
  }),
  reply: z.object({ settings: userSettingsSchema }),
  from: ['extension-page'],
});

export const DELETE_ALL_CONFIRMATION = 'delete all escalation data';

export const deleteAllMessage = defineMessage('data/delete-all', {
  request: z.object({ confirmation: z.literal(DELETE_ALL_CONFIRMATION) }),
  reply: z.object({ deletedEscalations: z.number().check(z.int()) }),
  from: ['extension-page'],
});

export const clearKeptReturnsMessage = defineMessage('data/clear-kept-returns', {
  request: z.object({}),
  reply: z.object({ cleared: z.number().check(z.int()) }),
  from: ['extension-page'],
});

export const removeChildNamesMessage = defineMessage('data/remove-child-names', {
  request: z.object({}),
  reply: z.object({ removedNames: z.number().check(z.int()) }),
  from: ['extension-page'],
});

const idList = z.array(z.string());

export const importBackupMessage = defineMessage('data/import', {
  // storage.local holds 10 MB; a larger file could never be imported whole.
  request: z.object({ text: z.string().check(z.maxLength(10_000_000)), mode: z.enum(['merge', 'replace']) }),
  reply: z.object({
    added: idList,
    updated: idList,
    conflicting: idList,
    unchanged: idList,
    onlyHere: idList,
  }),
  from: ['extension-page'],
});

export const storageStatusMessage = defineMessage('data/status', {
  request: z.object({}),
  reply: z.discriminatedUnion('state', [
    z.object({
      state: z.literal('ready'),
      migrated: z.array(z.string()),
      quarantined: z.number().check(z.int()),
    }),
    z.object({ state: z.literal('blocked'), reason: z.string() }),
  ]),
  from: ['extension-page'],
});
