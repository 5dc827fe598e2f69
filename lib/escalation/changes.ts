import * as z from '../schema/zod';
import {
  amendInputSchema,
  moveAheadInputSchema,
  moveToNextStepInputSchema,
  recordDiscussionInputSchema,
  reopenInputSchema,
  resolveInputSchema,
  tickDutyInputSchema,
  withdrawInputSchema,
} from './inputs';
import type { Escalation } from './schema';
import {
  amendEntry,
  moveAheadOfTimescale,
  moveToNextStep,
  recordDiscussion,
  reopenEscalation,
  resolveEscalation,
  type TransitionContext,
  type TransitionResult,
  tickDuty,
  withdrawEscalation,
} from './transitions';

/**
 * Every change a practitioner can make to an open (or, to reopen, an ended)
 * escalation, as one message shape: what the panel sends and the background
 * applies with `applyChange`.
 */
export const escalationChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('record-discussion'), input: recordDiscussionInputSchema }),
  z.object({ kind: z.literal('tick-duty'), input: tickDutyInputSchema }),
  z.object({ kind: z.literal('move-to-next-step'), input: moveToNextStepInputSchema }),
  z.object({ kind: z.literal('move-ahead-of-timescale'), input: moveAheadInputSchema }),
  z.object({ kind: z.literal('resolve'), input: resolveInputSchema }),
  z.object({ kind: z.literal('withdraw'), input: withdrawInputSchema }),
  z.object({ kind: z.literal('reopen'), input: reopenInputSchema }),
  z.object({ kind: z.literal('amend'), input: amendInputSchema }),
]);
export type EscalationChange = z.input<typeof escalationChangeSchema>;

export function applyChange(
  escalation: Escalation,
  change: EscalationChange,
  context: TransitionContext,
): TransitionResult {
  switch (change.kind) {
    case 'record-discussion':
      return recordDiscussion(escalation, change.input, context);
    case 'tick-duty':
      return tickDuty(escalation, change.input, context);
    case 'move-to-next-step':
      return moveToNextStep(escalation, change.input, context);
    case 'move-ahead-of-timescale':
      return moveAheadOfTimescale(escalation, change.input, context);
    case 'resolve':
      return resolveEscalation(escalation, change.input, context);
    case 'withdraw':
      return withdrawEscalation(escalation, change.input, context);
    case 'reopen':
      return reopenEscalation(escalation, change.input, context);
    case 'amend':
      return amendEntry(escalation, change.input, context);
  }
}
