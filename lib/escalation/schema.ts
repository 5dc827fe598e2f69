import * as z from '../schema/zod';

/**
 * An escalation as it is stored: one record per professional difference of
 * opinion about a child. Deadlines, due-soon and overdue states are never
 * stored; they are worked out from this record and its pinned policy
 * (see state.ts), so a change of calendar or clock cannot leave them stale.
 */

export const ESCALATION_SCHEMA_VERSION = 1;

const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const optionalText = z.optional(text);
const policyId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be an id from the policy'));

/**
 * A moment in time. Accepted with any offset and stored in UTC ('Z') so that
 * two records of the same moment compare equal as strings. zod runs the
 * overwrite even on a string the format check refused, so that string is
 * left as it is (the refusal stands) rather than thrown on.
 */
export const instantSchema = z.iso
  .datetime({ offset: true, message: 'must be a date and time with its offset, e.g. 2026-11-02T10:30:00Z' })
  .check(
    z.overwrite((value) => {
      const moment = new Date(value);
      return Number.isNaN(moment.getTime()) ? value : moment.toISOString();
    }),
  );

/** A calendar date with no time, as an agreed action's due date is written. */
export const calendarDateSchema = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });

export const personSchema = z.object({
  name: text,
  role: text,
  agency: text,
  /** Phone or email, as the practitioner wrote it. */
  contact: optionalText,
});
export type Person = z.infer<typeof personSchema>;

/** Someone who took part in a discussion; their agency is the side they sat on. */
export const participantSchema = z.object({
  name: text,
  role: text,
});
export type Participant = z.infer<typeof participantSchema>;

/** The child, as the case-record system knows them. Names are optional (data minimisation). */
export const childSchema = z.object({
  /** The case-record system, e.g. "Liquidlogic LCS". */
  system: text,
  recordId: text,
  displayName: optionalText,
  recordUrl: z.optional(z.url({ message: 'must be a web address' })),
});
export type Child = z.infer<typeof childSchema>;

/** The agency and professional whose decision, action or inaction is disagreed with. */
export const otherPartySchema = z.object({
  agency: text,
  professional: z.object({
    name: text,
    role: text,
    contact: optionalText,
  }),
});
export type OtherParty = z.infer<typeof otherPartySchema>;

/** A fact is kept apart from opinion, and always says where it comes from. */
export const factSchema = z.object({
  fact: text,
  source: text,
});
export type Fact = z.infer<typeof factSchema>;

export const opinionSchema = z.object({
  opinion: text,
  /** Whose opinion it is, when it is not the person raising the escalation. */
  whose: optionalText,
});
export type Opinion = z.infer<typeof opinionSchema>;

export const concernSchema = z.object({
  /** A reasonCategories id from the policy. */
  reasonCategory: policyId,
  /** The decision, action or inaction that is disagreed with. */
  disagreedWith: text,
  facts: z.array(factSchema).check(z.minLength(1, 'give at least one fact and where it comes from')),
  opinions: z._default(z.array(opinionSchema), []),
  impactOnChild: text,
  /** The child's own words or views, where known. */
  childsVoice: optionalText,
  outcomeSought: text,
});
export type Concern = z.infer<typeof concernSchema>;

/** The first question asked: is the child at imminent risk, and what was done about it. */
export const imminentRiskSchema = z
  .object({
    atRisk: z.boolean(),
    answeredAt: instantSchema,
    actionTaken: optionalText,
  })
  .check(
    z.refine((risk) => !risk.atRisk || risk.actionTaken !== undefined, {
      message: 'say what was done about the imminent risk',
      path: ['actionTaken'],
    }),
  );
export type ImminentRisk = z.infer<typeof imminentRiskSchema>;

export const pinnedPolicySchema = z.object({
  id: policyId,
  version: text,
});
export type PinnedPolicy = z.infer<typeof pinnedPolicySchema>;

export const trackSchema = z.enum(['standard', 'urgent']);
export type Track = z.infer<typeof trackSchema>;

export const statusSchema = z.enum(['open', 'resolved', 'withdrawn']);
export type EscalationStatus = z.infer<typeof statusSchema>;

/**
 * How the escalation arrived at a step: at the start, by moving on after a
 * discussion, or ahead of the timescale (urgent cases, with a reason), which
 * may pass over steps without a discussion.
 */
export const stepEntrySchema = z.object({
  stepId: policyId,
  stage: z.number().check(z.int(), z.positive()),
  enteredAt: instantSchema,
  route: z.enum(['start', 'next-step', 'ahead-of-timescale']),
  reason: optionalText,
  /** Steps passed over on the way here, ahead of the timescale. */
  skippedStepIds: z._default(z.array(policyId), []),
});
export type StepEntry = z.infer<typeof stepEntrySchema>;

export const discussionMethodSchema = z.enum([
  'meeting',
  'call',
  'video',
  'email',
  'in-person',
  'letter',
  'other',
]);
export type DiscussionMethod = z.infer<typeof discussionMethodSchema>;

export const agreedActionSchema = z.object({
  id: text,
  action: text,
  owner: text,
  dueOn: calendarDateSchema,
});
export type AgreedAction = z.infer<typeof agreedActionSchema>;

export const discussionSchema = z.object({
  id: text,
  stepId: policyId,
  heldAt: instantSchema,
  method: discussionMethodSchema,
  /** Those who took part for the agency that raised the escalation. */
  raisingSide: z
    .array(participantSchema)
    .check(z.minLength(1, 'name at least one person from the agency raising it')),
  /** Those who took part for the other agency. */
  otherSide: z
    .array(participantSchema)
    .check(z.minLength(1, 'name at least one person from the other agency')),
  otherAgencyPosition: text,
  summary: text,
  outcome: text,
  agreedActions: z._default(z.array(agreedActionSchema), []),
  fedBack: z.boolean(),
  recordedOnFile: z.object({
    raisingAgency: z.boolean(),
    otherAgency: z.boolean(),
  }),
  recordedAt: instantSchema,
  recordedBy: personSchema,
});
export type Discussion = z.infer<typeof discussionSchema>;

export const dutyMethodSchema = z.enum([
  'email',
  'call',
  'meeting',
  'letter',
  'secure-message',
  'in-person',
  'other',
]);
export type DutyMethod = z.infer<typeof dutyMethodSchema>;

/**
 * A duty from the policy's step (feed back, record on file, notify someone,
 * consider something) recorded as done. A duty is known by its step and its
 * id together, and may be recorded after the escalation has moved on.
 */
export const dutyDoneSchema = z.object({
  stepId: policyId,
  dutyId: policyId,
  doneAt: instantSchema,
  /** Who did it, where that is not the person recording it (a manager who sent the notification). */
  doneBy: optionalText,
  method: dutyMethodSchema,
  /** For a duty to consider something, what was decided. */
  note: optionalText,
  recordedAt: instantSchema,
  recordedBy: personSchema,
});
export type DutyDone = z.infer<typeof dutyDoneSchema>;

export const resolutionSchema = z.object({
  resolvedAt: instantSchema,
  /** Resolution can come without agreement, e.g. a decision finalised at stage 4. */
  agreementReached: z.boolean(),
  /** Where agreement was reached: the discussion it was reached at, or the reason it is known. */
  agreedAtDiscussionId: optionalText,
  agreementReason: optionalText,
  /** An outcomes id from the policy. */
  outcomeId: policyId,
  summary: text,
});
export type Resolution = z.infer<typeof resolutionSchema>;

export const withdrawalSchema = z.object({
  withdrawnAt: instantSchema,
  reason: text,
});
export type Withdrawal = z.infer<typeof withdrawalSchema>;

/** An entry as it was before an amendment or a reopening replaced it. */
export const replacedEntrySchema = z.discriminatedUnion('entry', [
  z.object({ entry: z.literal('discussion'), before: discussionSchema }),
  z.object({ entry: z.literal('duty'), before: dutyDoneSchema }),
  z.object({ entry: z.literal('resolution'), before: resolutionSchema }),
  z.object({ entry: z.literal('concern'), before: concernSchema }),
  z.object({ entry: z.literal('withdrawal'), before: withdrawalSchema }),
]);
export type ReplacedEntry = z.infer<typeof replacedEntrySchema>;

export const eventKindSchema = z.enum([
  'started',
  'discussion-recorded',
  'duty-done',
  'moved-to-next-step',
  'moved-ahead-of-timescale',
  'resolved',
  'withdrawn',
  'reopened',
  'amended',
]);
export type EventKind = z.infer<typeof eventKindSchema>;

/** One line of the append-only log: when, what and by whom. */
export const escalationEventSchema = z.object({
  at: instantSchema,
  by: personSchema,
  kind: eventKindSchema,
  /** The step the escalation was at when this happened; for a duty, the step the duty belongs to. */
  stepId: policyId,
  /** What happened, in words a practitioner would write. */
  summary: text,
  reason: optionalText,
  /** The discussion or duty this event recorded or amended, so a case note can show just that entry. */
  discussionId: optionalText,
  dutyId: optionalText,
  /** What an amendment, or a reopening, replaced. */
  replaced: z.optional(replacedEntrySchema),
});
export type EscalationEvent = z.infer<typeof escalationEventSchema>;

export const escalationSchema = z
  .object({
    schemaVersion: z.literal(ESCALATION_SCHEMA_VERSION),
    /** Increases by one with every change; storage uses it to refuse lost updates. */
    revision: z.number().check(z.int(), z.positive()),
    id: text,
    child: childSchema,
    raisedBy: personSchema,
    otherParty: otherPartySchema,
    concern: concernSchema,
    differenceStartedAt: instantSchema,
    imminentRisk: imminentRiskSchema,
    /** The policy version it runs under; a later version never rewrites its deadlines. */
    policy: pinnedPolicySchema,
    track: trackSchema,
    status: statusSchema,
    currentStepId: policyId,
    /** Every step the escalation has been at, in order; the last is the current step. */
    stepsEntered: z.array(stepEntrySchema).check(z.minLength(1)),
    discussions: z.array(discussionSchema),
    dutiesDone: z.array(dutyDoneSchema),
    resolution: z.optional(resolutionSchema),
    withdrawal: z.optional(withdrawalSchema),
    events: z.array(escalationEventSchema).check(z.minLength(1)),
  })
  .check(
    z.superRefine((escalation, ctx) => {
      const last = escalation.stepsEntered.at(-1);
      if (last && last.stepId !== escalation.currentStepId) {
        ctx.addIssue({
          code: 'custom',
          path: ['currentStepId'],
          message: 'the current step must be the last step entered',
        });
      }
      if ((escalation.status === 'resolved') !== (escalation.resolution !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['resolution'],
          message: 'a resolved escalation, and only a resolved one, has a resolution',
        });
      }
      if ((escalation.status === 'withdrawn') !== (escalation.withdrawal !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['withdrawal'],
          message: 'a withdrawn escalation, and only a withdrawn one, has a withdrawal',
        });
      }
    }),
  );
export type Escalation = z.infer<typeof escalationSchema>;
