import * as z from '../schema/zod';
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

const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const policyId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be an id from the policy'));

/** The draft a practitioner fills in to start an escalation. */
export const startEscalationInputSchema = z.object({
  child: childSchema,
  /** Defaults to the person starting it. */
  raisedBy: z.optional(personSchema),
  otherParty: otherPartySchema,
  concern: concernSchema,
  differenceStartedAt: instantSchema,
  imminentRisk: imminentRiskSchema,
  policy: pinnedPolicySchema,
  track: z._default(trackSchema, 'standard'),
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
  ...z.pick(discussionSchema, {
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
  agreedActions: z._default(discussionFields.agreedActions, []),
});
export type RecordDiscussionInput = z.input<typeof recordDiscussionInputSchema>;

export const tickDutyInputSchema = z.object({
  /** The step the duty belongs to; the current step when absent. */
  stepId: z.optional(policyId),
  dutyId: policyId,
  doneAt: instantSchema,
  doneBy: z.optional(text),
  method: dutyMethodSchema,
  note: z.optional(text),
});
export type TickDutyInput = z.input<typeof tickDutyInputSchema>;

export const moveToNextStepInputSchema = z.object({
  /** When it moved on, if not now (recorded after the event). */
  at: z.optional(instantSchema),
});
export type MoveToNextStepInput = z.input<typeof moveToNextStepInputSchema>;

export const moveAheadInputSchema = z.object({
  toStepId: policyId,
  reason: text,
  at: z.optional(instantSchema),
});
export type MoveAheadInput = z.input<typeof moveAheadInputSchema>;

export const resolveInputSchema = z.object({
  agreementReached: z.boolean(),
  /** Where agreement was reached: the discussion, or else the reason it is known. */
  agreedAtDiscussionId: z.optional(text),
  agreementReason: z.optional(text),
  outcomeId: policyId,
  summary: text,
  /** When it was resolved, if not now. */
  resolvedAt: z.optional(instantSchema),
});
export type ResolveInput = z.input<typeof resolveInputSchema>;

export const withdrawInputSchema = z.object({
  reason: text,
  at: z.optional(instantSchema),
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
    changes: z.partial(z.object(discussionFields)).check(z.refine(changesSomething, nothingChanged)),
    reason: text,
  }),
  z.object({
    entry: z.literal('duty'),
    stepId: policyId,
    dutyId: policyId,
    changes: z
      .partial(z.object({ doneAt: instantSchema, doneBy: text, method: dutyMethodSchema, note: text }))
      .check(z.refine(changesSomething, nothingChanged)),
    reason: text,
  }),
  z.object({
    entry: z.literal('concern'),
    changes: z
      .partial(
        z.object({
          ...concernSchema.shape,
          facts: z.array(factSchema).check(z.minLength(1, 'give at least one fact and where it comes from')),
          opinions: z.array(opinionSchema),
        }),
      )
      .check(z.refine(changesSomething, nothingChanged)),
    reason: text,
  }),
]);
export type AmendInput = z.input<typeof amendInputSchema>;
