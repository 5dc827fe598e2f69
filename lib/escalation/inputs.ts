import { z } from 'zod';
import {
  calendarDateSchema,
  childSchema,
  concernSchema,
  discussionSchema,
  dutyMethodSchema,
  factSchema,
  imminentRiskSchema,
  instantSchema,
  opinionSchema,
  otherPartySchema,
  personSchema,
  pinnedPolicySchema,
  trackSchema,
} from './schema';

/**
 * What the panel sends for each change to an escalation. The background
 * parses every message with these before calling a transition, so they are
 * the boundary between untrusted input and the stored record.
 */

const text = z.string().trim().min(1, 'must not be empty');
const policyId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be an id from the policy');

/** The draft a practitioner fills in to start an escalation. */
export const startEscalationInputSchema = z.object({
  child: childSchema,
  /** Defaults to the person starting it. */
  raisedBy: personSchema.optional(),
  otherParty: otherPartySchema,
  concern: concernSchema,
  differenceStartedAt: instantSchema,
  imminentRisk: imminentRiskSchema,
  policy: pinnedPolicySchema,
  track: trackSchema.default('standard'),
});
export type StartEscalationInput = z.input<typeof startEscalationInputSchema>;

export const agreedActionInputSchema = z.object({
  action: text,
  owner: text,
  dueOn: calendarDateSchema,
});

// The stored discussion's own fields and rules, less what the background adds (its id and step, who
// recorded it and when), and with agreed actions as typed; no defaults, so a partial copy (an
// amendment) leaves out what it does not change.
const discussionFields = {
  ...discussionSchema.pick({
    heldAt: true,
    method: true,
    raisingSide: true,
    otherSide: true,
    otherAgencyPosition: true,
    summary: true,
    outcome: true,
    fedBack: true,
    recordedOnFile: true,
  }).shape,
  agreedActions: z.array(agreedActionInputSchema),
};

export const recordDiscussionInputSchema = z.object({
  ...discussionFields,
  agreedActions: discussionFields.agreedActions.default([]),
});
export type RecordDiscussionInput = z.input<typeof recordDiscussionInputSchema>;

export const tickDutyInputSchema = z.object({
  /** The step the duty belongs to; the current step when absent. */
  stepId: policyId.optional(),
  dutyId: policyId,
  doneAt: instantSchema,
  doneBy: text.optional(),
  method: dutyMethodSchema,
  note: text.optional(),
});
export type TickDutyInput = z.input<typeof tickDutyInputSchema>;

export const moveToNextStepInputSchema = z.object({
  /** When it moved on, if not now (recorded after the event). */
  at: instantSchema.optional(),
});
export type MoveToNextStepInput = z.input<typeof moveToNextStepInputSchema>;

export const moveAheadInputSchema = z.object({
  toStepId: policyId,
  reason: text,
  at: instantSchema.optional(),
});
export type MoveAheadInput = z.input<typeof moveAheadInputSchema>;

export const resolveInputSchema = z.object({
  agreementReached: z.boolean(),
  /** Where agreement was reached: the discussion, or else the reason it is known. */
  agreedAtDiscussionId: text.optional(),
  agreementReason: text.optional(),
  outcomeId: policyId,
  summary: text,
  /** When it was resolved, if not now. */
  resolvedAt: instantSchema.optional(),
});
export type ResolveInput = z.input<typeof resolveInputSchema>;

export const withdrawInputSchema = z.object({
  reason: text,
  at: instantSchema.optional(),
});
export type WithdrawInput = z.input<typeof withdrawInputSchema>;

export const reopenInputSchema = z.object({
  reason: text,
});
export type ReopenInput = z.input<typeof reopenInputSchema>;

/**
 * A resolution or withdrawal is corrected by reopening (the old one stays in
 * the event log) and closing again, so only these entries are amended.
 */

/** An amendment must change something. */
function changesSomething(changes: Record<string, unknown>): boolean {
  return Object.values(changes).some((value) => value !== undefined);
}
const nothingChanged = { message: 'say what is being changed' };

export const amendInputSchema = z.discriminatedUnion('entry', [
  z.object({
    entry: z.literal('discussion'),
    discussionId: text,
    changes: z.object(discussionFields).partial().refine(changesSomething, nothingChanged),
    reason: text,
  }),
  z.object({
    entry: z.literal('duty'),
    stepId: policyId,
    dutyId: policyId,
    changes: z
      .object({ doneAt: instantSchema, doneBy: text, method: dutyMethodSchema, note: text })
      .partial()
      .refine(changesSomething, nothingChanged),
    reason: text,
  }),
  z.object({
    entry: z.literal('concern'),
    changes: z
      .object({
        ...concernSchema.shape,
        facts: z.array(factSchema).min(1, 'give at least one fact and where it comes from'),
        opinions: z.array(opinionSchema),
      })
      .partial()
      .refine(changesSomething, nothingChanged),
    reason: text,
  }),
]);
export type AmendInput = z.input<typeof amendInputSchema>;
