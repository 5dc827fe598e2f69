import { formatDateTime } from '../calendar';
import type { Policy, Step } from '../policy';
import type * as z from '../schema/zod';
import {
  type AmendInput,
  amendInputSchema,
  type MoveAheadInput,
  type MoveToNextStepInput,
  moveAheadInputSchema,
  moveToNextStepInputSchema,
  type RecordDiscussionInput,
  type ReopenInput,
  type ResolveInput,
  recordDiscussionInputSchema,
  reopenInputSchema,
  resolveInputSchema,
  type StartEscalationInput,
  startEscalationInputSchema,
  type TickDutyInput,
  tickDutyInputSchema,
  type WithdrawInput,
  withdrawInputSchema,
} from './inputs';
import {
  type AgreedAction,
  type Concern,
  type Discussion,
  type DutyDone,
  ESCALATION_SCHEMA_VERSION,
  type Escalation,
  type EscalationEvent,
  type Person,
  type ReplacedEntry,
} from './schema';

/**
 * Every change to an escalation is one of these pure functions. They never
 * read the clock or make ids up: `now`, the person acting and the pinned
 * policy come in the context, so the background can replay and test them.
 */

export interface TransitionContext {
  now: Date;
  by: Person;
  /** The policy version the escalation is pinned to. */
  policy: Policy;
}

export interface StartContext extends TransitionContext {
  /** A new, unique escalation id (the background uses crypto.randomUUID). */
  newId: () => string;
}

export type EscalationErrorCode =
  | 'invalid-input'
  | 'policy-mismatch'
  | 'in-the-future'
  | 'before-start'
  | 'out-of-order'
  | 'not-open'
  | 'already-open'
  | 'already-resolved'
  | 'last-step'
  | 'no-discussion-yet'
  | 'unknown-step'
  | 'not-ahead'
  | 'unknown-duty'
  | 'step-not-reached'
  | 'decision-missing'
  | 'duty-already-done'
  | 'unknown-outcome'
  | 'outcome-does-not-end'
  | 'outcome-by-withdrawing'
  | 'outcome-not-at-this-stage'
  | 'outcome-contradicts-agreement'
  | 'agreement-unexplained'
  | 'unknown-reason-category'
  | 'unknown-discussion';

export interface EscalationError {
  code: EscalationErrorCode;
  /** Written for the practitioner, to show as it is. */
  message: string;
}

export type TransitionResult = { ok: true; escalation: Escalation } | { ok: false; error: EscalationError };

function refuse(code: EscalationErrorCode, message: string): { ok: false; error: EscalationError } {
  return { ok: false, error: { code, message } };
}

function describeIssues(error: z.core.$ZodError): string {
  const problems = error.issues.map((issue) =>
    issue.path.length > 0 ? `${issue.path.join(' › ')}: ${issue.message}` : issue.message,
  );
  return `Some details need correcting. ${problems.join('; ')}.`;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: EscalationError };

function parse<T>(schema: z.ZodMiniType<T>, input: unknown): Parsed<T> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, error: { code: 'invalid-input', message: describeIssues(result.error) } };
}

function stepLabel(step: Pick<Step, 'id' | 'stage'>): string {
  return `step ${step.id} (stage ${step.stage})`;
}

function findStep(policy: Policy, stepId: string): { step: Step; index: number } | undefined {
  const index = policy.steps.findIndex((step) => step.id === stepId);
  const step = policy.steps[index];
  return step ? { step, index } : undefined;
}

function currentStepOf(escalation: Escalation, policy: Policy): { step: Step; index: number } {
  const found = findStep(policy, escalation.currentStepId);
  // The policy version is pinned and checked first, so its steps cannot have changed underneath.
  if (!found)
    throw new Error(`step ${escalation.currentStepId} is not in policy ${policy.id} ${policy.version}`);
  return found;
}

function checkPolicy(pinned: { id: string; version: string }, policy: Policy): EscalationError | undefined {
  if (pinned.id === policy.id && pinned.version === policy.version) return undefined;
  return {
    code: 'policy-mismatch',
    message: `This escalation runs under ${pinned.id} version ${pinned.version}, but ${policy.id} version ${policy.version} was given. An open escalation keeps the policy it started under.`,
  };
}

function checkOpen(escalation: Escalation): EscalationError | undefined {
  if (escalation.status === 'resolved') {
    return {
      code: 'not-open',
      message: 'This escalation has been resolved. Reopen it, giving the reason, before making changes.',
    };
  }
  if (escalation.status === 'withdrawn') {
    return {
      code: 'not-open',
      message: 'This escalation has been withdrawn. Reopen it, giving the reason, before making changes.',
    };
  }
  return undefined;
}

/** Checks that apply to every change to an existing escalation except reopening. */
function checkCanChange(escalation: Escalation, context: TransitionContext): EscalationError | undefined {
  return checkPolicy(escalation.policy, context.policy) ?? checkOpen(escalation);
}

/** A moment in words, in UK time: "Tue 3 Nov 2026, 10:45". */
const inWords = (when: string | Date) => formatDateTime(new Date(when));

/** A recorded moment must lie between the start of the difference of opinion and now. */
function checkWhen(
  when: string,
  what: string,
  escalation: Pick<Escalation, 'differenceStartedAt'>,
  now: Date,
): EscalationError | undefined {
  const at = new Date(when);
  if (at > now) return { code: 'in-the-future', message: `${what} cannot be in the future.` };
  if (at < new Date(escalation.differenceStartedAt)) {
    return {
      code: 'before-start',
      message: `${what} cannot be before the difference of opinion started.`,
    };
  }
  return undefined;
}

/**
 * Whether `later` is not before `earlier` to the minute: times are entered to
 * the minute, while a step reached "now" carries seconds, so a discussion
 * entered for the same minute is not out of order.
 */
function notBeforeToTheMinute(later: string, earlier: string): boolean {
  const minute = (when: string) => Math.floor(new Date(when).getTime() / 60_000);
  return minute(later) >= minute(earlier);
}

/** When the escalation reached a step (the latest time, if it was entered more than once). */
function enteredAt(escalation: Escalation, stepId: string): string | undefined {
  return escalation.stepsEntered.filter((entry) => entry.stepId === stepId).at(-1)?.enteredAt;
}

/** A discussion at a step cannot be dated before the escalation reached that step. */
function checkDiscussionOrder(
  escalation: Escalation,
  stepId: string,
  heldAt: string,
): EscalationError | undefined {
  const entered = enteredAt(escalation, stepId);
  if (entered === undefined || notBeforeToTheMinute(heldAt, entered)) return undefined;
  return {
    code: 'out-of-order',
    message: `A discussion at step ${stepId} cannot be dated ${inWords(heldAt)}, before the escalation reached step ${stepId} on ${inWords(entered)}.`,
  };
}

function event(
  escalation: Pick<Escalation, 'currentStepId'>,
  context: TransitionContext,
  details: Pick<EscalationEvent, 'kind' | 'summary'> &
    Partial<Pick<EscalationEvent, 'reason' | 'replaced' | 'stepId' | 'discussionId' | 'dutyId'>>,
): EscalationEvent {
  return {
    at: context.now.toISOString(),
    by: context.by,
    stepId: escalation.currentStepId,
    ...details,
  };
}

/** Applies a change, adding its event to the log and counting the revision. */
function commit(
  escalation: Escalation,
  changes: Partial<Escalation>,
  logged: EscalationEvent,
): TransitionResult {
  return {
    ok: true,
    escalation: {
      ...escalation,
      ...changes,
      revision: escalation.revision + 1,
      events: [...escalation.events, logged],
    },
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

function agreedActionsFor(
  discussionId: string,
  actions: { action: string; owner: string; dueOn: string }[],
): AgreedAction[] {
  return actions.map((action, index) => ({ id: `${discussionId}-a${index + 1}`, ...action }));
}

function checkReasonCategory(policy: Policy, reasonCategory: string): EscalationError | undefined {
  if (policy.reasonCategories.some((category) => category.id === reasonCategory)) return undefined;
  return {
    code: 'unknown-reason-category',
    message: `"${reasonCategory}" is not one of the reasons for escalation in ${policy.name}.`,
  };
}

/** Starts an escalation from a practitioner's draft, at the policy's first step. */
export function startEscalation(input: StartEscalationInput, context: StartContext): TransitionResult {
  const parsed = parse(startEscalationInputSchema, input);
  if (!parsed.ok) return parsed;
  const draft = parsed.value;
  const { policy, now } = context;

  const problem =
    checkPolicy(draft.policy, policy) ?? checkReasonCategory(policy, draft.concern.reasonCategory);
  if (problem) return { ok: false, error: problem };
  if (new Date(draft.differenceStartedAt) > now) {
    return refuse('in-the-future', 'The difference of opinion cannot start in the future.');
  }
  if (new Date(draft.imminentRisk.answeredAt) > now) {
    return refuse('in-the-future', 'The imminent risk question cannot be answered in the future.');
  }

  const [firstStep] = policy.steps;
  if (!firstStep) throw new Error(`policy ${policy.id} has no steps`);

  const escalation: Escalation = {
    schemaVersion: ESCALATION_SCHEMA_VERSION,
    revision: 1,
    id: context.newId(),
    child: draft.child,
    raisedBy: draft.raisedBy ?? context.by,
    otherParty: draft.otherParty,
    concern: draft.concern,
    differenceStartedAt: draft.differenceStartedAt,
    imminentRisk: draft.imminentRisk,
    policy: { id: policy.id, version: policy.version },
    track: draft.track,
    status: 'open',
    currentStepId: firstStep.id,
    // Stage 1 is entered when the difference of opinion starts, not when it was written down.
    stepsEntered: [
      {
        stepId: firstStep.id,
        stage: firstStep.stage,
        enteredAt: draft.differenceStartedAt,
        route: 'start',
        skippedStepIds: [],
      },
    ],
    discussions: [],
    dutiesDone: [],
    events: [
      {
        at: now.toISOString(),
        by: context.by,
        kind: 'started',
        stepId: firstStep.id,
        summary: `Escalation started at ${stepLabel(firstStep)} on the ${draft.track} track.`,
      },
    ],
  };
  return { ok: true, escalation };
}

/** Records a discussion held at the current step. */
export function recordDiscussion(
  escalation: Escalation,
  input: RecordDiscussionInput,
  context: TransitionContext,
): TransitionResult {
  const parsed = parse(recordDiscussionInputSchema, input);
  if (!parsed.ok) return parsed;
  const details = parsed.value;
  const problem =
    checkCanChange(escalation, context) ??
    checkWhen(details.heldAt, 'A discussion', escalation, context.now) ??
    checkDiscussionOrder(escalation, escalation.currentStepId, details.heldAt);
  if (problem) return { ok: false, error: problem };

  const { step } = currentStepOf(escalation, context.policy);
  // Entries are never removed, so a count gives ids that stay unique and readable.
  const number = escalation.discussions.length + 1;
  const id = `d${number}`;
  const discussion: Discussion = {
    ...details,
    id,
    stepId: step.id,
    agreedActions: agreedActionsFor(id, details.agreedActions),
    recordedAt: context.now.toISOString(),
    recordedBy: context.by,
  };
  return commit(
    escalation,
    { discussions: [...escalation.discussions, discussion] },
    event(escalation, context, {
      kind: 'discussion-recorded',
      discussionId: id,
      summary: `Discussion ${number} (${details.method}) recorded at ${stepLabel(step)}.`,
    }),
  );
}

/**
 * Records one of a step's duties as done: feeding back, recording on file,
 * telling someone, or considering something (with what was decided). The
 * duty belongs to its step, the current one unless another is named: a duty
 * of a step already reached, passed over or moved past can be recorded
 * later, with the time it was done.
 */
export function tickDuty(
  escalation: Escalation,
  input: TickDutyInput,
  context: TransitionContext,
): TransitionResult {
  const parsed = parse(tickDutyInputSchema, input);
  if (!parsed.ok) return parsed;
  const tick = parsed.value;
  const earlier = checkCanChange(escalation, context);
  if (earlier) return { ok: false, error: earlier };

  const current = currentStepOf(escalation, context.policy);
  const found = findStep(context.policy, tick.stepId ?? current.step.id);
  if (!found) {
    return refuse('unknown-step', `${context.policy.name} has no step "${tick.stepId}".`);
  }
  const { step } = found;
  if (found.index > current.index) {
    return refuse(
      'step-not-reached',
      `The escalation has not reached ${stepLabel(step)} yet, so its duties cannot be recorded.`,
    );
  }
  const duty = step.duties.find((candidate) => candidate.id === tick.dutyId);
  if (!duty) {
    return refuse('unknown-duty', `There is no duty "${tick.dutyId}" at ${stepLabel(step)}.`);
  }
  if (escalation.dutiesDone.some((done) => done.stepId === step.id && done.dutyId === duty.id)) {
    return refuse(
      'duty-already-done',
      `"${duty.text}" is already recorded at ${stepLabel(step)}. Amend that entry to correct it.`,
    );
  }
  if (duty.kind === 'consider' && tick.note === undefined) {
    return refuse('decision-missing', `Say what was decided: ${duty.text}`);
  }
  const problem = checkWhen(tick.doneAt, 'A duty', escalation, context.now);
  if (problem) return { ok: false, error: problem };

  const done: DutyDone = {
    stepId: step.id,
    dutyId: duty.id,
    doneAt: tick.doneAt,
    ...(tick.doneBy === undefined ? {} : { doneBy: tick.doneBy }),
    method: tick.method,
    ...(tick.note === undefined ? {} : { note: tick.note }),
    recordedAt: context.now.toISOString(),
    recordedBy: context.by,
  };
  const later = step.id === current.step.id ? '' : `, recorded later at ${stepLabel(current.step)}`;
  return commit(
    escalation,
    { dutiesDone: [...escalation.dutiesDone, done] },
    event(escalation, context, {
      kind: 'duty-done',
      // The duty's own step, so that step and duty together name it.
      stepId: step.id,
      dutyId: duty.id,
      summary: `Duty done at ${stepLabel(step)}${later}: ${duty.text}`,
    }),
  );
}

/** When a move happened: given, or now; never before the current step was entered. */
function moveTime(
  escalation: Escalation,
  at: string | undefined,
  context: TransitionContext,
): { ok: true; at: string } | { ok: false; error: EscalationError } {
  const when = at ?? context.now.toISOString();
  const problem = checkWhen(when, 'Moving on', escalation, context.now);
  if (problem) return { ok: false, error: problem };
  const entered = escalation.stepsEntered.at(-1)?.enteredAt;
  if (entered !== undefined && !notBeforeToTheMinute(when, entered)) {
    return refuse(
      'out-of-order',
      `Moving on cannot be dated ${inWords(when)}, before the escalation reached step ${escalation.currentStepId} on ${inWords(entered)}.`,
    );
  }
  // A move follows the discussions at the step it leaves.
  const lastDiscussion = escalation.discussions
    .filter((discussion) => discussion.stepId === escalation.currentStepId)
    .map((discussion) => discussion.heldAt)
    .sort()
    .at(-1);
  if (lastDiscussion !== undefined && !notBeforeToTheMinute(when, lastDiscussion)) {
    return refuse(
      'out-of-order',
      `Moving on cannot be dated ${inWords(when)}, before the discussion at step ${escalation.currentStepId} held on ${inWords(lastDiscussion)}.`,
    );
  }
  return { ok: true, at: when };
}

/** Moves to the policy's next step after a discussion at the current one did not resolve it. */
export function moveToNextStep(
  escalation: Escalation,
  input: MoveToNextStepInput,
  context: TransitionContext,
): TransitionResult {
  const parsed = parse(moveToNextStepInputSchema, input);
  if (!parsed.ok) return parsed;
  const earlier = checkCanChange(escalation, context);
  if (earlier) return { ok: false, error: earlier };

  const { step, index } = currentStepOf(escalation, context.policy);
  const next = context.policy.steps[index + 1];
  if (!next) {
    return refuse(
      'last-step',
      `${capitalised(stepLabel(step))} is the last step of ${context.policy.name}; the escalation cannot go further. Record the resolution instead.`,
    );
  }
  if (!escalation.discussions.some((discussion) => discussion.stepId === step.id)) {
    return refuse(
      'no-discussion-yet',
      `Record the discussion at ${stepLabel(step)} before moving on. In an urgent case, move ahead of the timescale and give the reason.`,
    );
  }
  const when = moveTime(escalation, parsed.value.at, context);
  if (!when.ok) return when;

  const moved = { ...escalation, currentStepId: next.id };
  return commit(
    escalation,
    {
      currentStepId: next.id,
      stepsEntered: [
        ...escalation.stepsEntered,
        { stepId: next.id, stage: next.stage, enteredAt: when.at, route: 'next-step', skippedStepIds: [] },
      ],
    },
    event(moved, context, {
      kind: 'moved-to-next-step',
      summary: `Moved on from ${stepLabel(step)} to ${stepLabel(next)}.`,
    }),
  );
}

/**
 * Moves ahead of the timescale, as the procedure allows ("will not always be
 * a linear process"): to any later step or stage, with or without a
 * discussion at the current one, always with the reason. The steps in
 * between are recorded as passed over. The escalation is on the urgent track
 * from then on.
 */
export function moveAheadOfTimescale(
  escalation: Escalation,
  input: MoveAheadInput,
  context: TransitionContext,
): TransitionResult {
  const parsed = parse(moveAheadInputSchema, input);
  if (!parsed.ok) return parsed;
  const earlier = checkCanChange(escalation, context);
  if (earlier) return { ok: false, error: earlier };
  const { policy } = context;

  const { step, index } = currentStepOf(escalation, policy);
  const target = findStep(policy, parsed.value.toStepId);
  if (!target) {
    return refuse('unknown-step', `${policy.name} has no step "${parsed.value.toStepId}".`);
  }
  if (target.index <= index) {
    return refuse(
      'not-ahead',
      `${capitalised(stepLabel(target.step))} is not ahead of ${stepLabel(step)}. An escalation only moves forward; reopen or amend to correct the record.`,
    );
  }
  const when = moveTime(escalation, parsed.value.at, context);
  if (!when.ok) return when;

  const skippedStepIds = policy.steps.slice(index + 1, target.index).map((skipped) => skipped.id);
  const moved = { ...escalation, currentStepId: target.step.id };
  return commit(
    escalation,
    {
      track: 'urgent',
      currentStepId: target.step.id,
      stepsEntered: [
        ...escalation.stepsEntered,
        {
          stepId: target.step.id,
          stage: target.step.stage,
          enteredAt: when.at,
          route: 'ahead-of-timescale',
          reason: parsed.value.reason,
          skippedStepIds,
        },
      ],
    },
    event(moved, context, {
      kind: 'moved-ahead-of-timescale',
      summary: `Moved ahead of the timescale from ${stepLabel(step)} to ${stepLabel(target.step)}${
        skippedStepIds.length > 0 ? `, passing over step ${skippedStepIds.join(', ')}` : ''
      }.`,
      reason: parsed.value.reason,
    }),
  );
}

/** Records the resolution at the current step, with one of the policy's ending outcomes. */
export function resolveEscalation(
  escalation: Escalation,
  input: ResolveInput,
  context: TransitionContext,
): TransitionResult {
  const parsed = parse(resolveInputSchema, input);
  if (!parsed.ok) return parsed;
  const { resolvedAt = context.now.toISOString(), ...resolution } = parsed.value;
  if (escalation.status === 'resolved') {
    return refuse('already-resolved', 'This escalation has already been resolved.');
  }
  const earlier = checkCanChange(escalation, context);
  if (earlier) return { ok: false, error: earlier };

  const outcome = context.policy.outcomes.find((candidate) => candidate.id === resolution.outcomeId);
  if (!outcome) {
    return refuse(
      'unknown-outcome',
      `"${resolution.outcomeId}" is not one of the outcomes in ${context.policy.name}.`,
    );
  }
  if (!outcome.ends) {
    return refuse(
      'outcome-does-not-end',
      `"${outcome.label}" does not end an escalation. Move to the next step instead, or choose an outcome that ends it.`,
    );
  }
  const { step } = currentStepOf(escalation, context.policy);
  if (outcome.byWithdrawing) {
    return refuse(
      'outcome-by-withdrawing',
      `"${outcome.label}" is recorded by withdrawing the escalation, with the reason, not by resolving it.`,
    );
  }
  if (outcome.stages && !outcome.stages.includes(step.stage)) {
    const stages = outcome.stages.map((stage) => `stage ${stage}`).join(' or ');
    return refuse(
      'outcome-not-at-this-stage',
      `"${outcome.label}" can only be recorded at ${stages}; the escalation is at stage ${step.stage}.`,
    );
  }
  if (outcome.agreement && (outcome.agreement === 'reached') !== resolution.agreementReached) {
    return refuse(
      'outcome-contradicts-agreement',
      `"${outcome.label}" says agreement was ${outcome.agreement === 'reached' ? 'reached' : 'not reached'}; the resolution says it was ${resolution.agreementReached ? 'reached' : 'not reached'}.`,
    );
  }
  if (resolution.agreementReached) {
    const { agreedAtDiscussionId: discussionId, agreementReason } = resolution;
    if (discussionId === undefined && agreementReason === undefined) {
      return refuse(
        'agreement-unexplained',
        'Say where agreement was reached: the discussion it was reached at, or the reason it is known.',
      );
    }
    if (
      discussionId !== undefined &&
      !escalation.discussions.some((discussion) => discussion.id === discussionId)
    ) {
      return refuse('unknown-discussion', `There is no discussion "${discussionId}" in this escalation.`);
    }
  }
  const problem = checkWhen(resolvedAt, 'The resolution', escalation, context.now);
  if (problem) return { ok: false, error: problem };

  return commit(
    escalation,
    { status: 'resolved', resolution: { resolvedAt, ...resolution } },
    event(escalation, context, {
      kind: 'resolved',
      summary: `Resolved at ${stepLabel(step)}: ${outcome.label}.`,
    }),
  );
}

/** Withdraws the escalation, e.g. when the practitioner accepts the other agency's decision. */
export function withdrawEscalation(
  escalation: Escalation,
  input: WithdrawInput,
  context: TransitionContext,
): TransitionResult {
  const parsed = parse(withdrawInputSchema, input);
  if (!parsed.ok) return parsed;
  const earlier = checkCanChange(escalation, context);
  if (earlier) return { ok: false, error: earlier };
  const withdrawnAt = parsed.value.at ?? context.now.toISOString();
  const problem = checkWhen(withdrawnAt, 'Withdrawing', escalation, context.now);
  if (problem) return { ok: false, error: problem };

  const { step } = currentStepOf(escalation, context.policy);
  return commit(
    escalation,
    { status: 'withdrawn', withdrawal: { withdrawnAt, reason: parsed.value.reason } },
    event(escalation, context, {
      kind: 'withdrawn',
      summary: `Withdrawn at ${stepLabel(step)}.`,
      reason: parsed.value.reason,
    }),
  );
}

/**
 * Reopens a resolved or withdrawn escalation at the step it ended on. The
 * resolution or withdrawal it replaces is kept in the event log; correcting a
 * resolution is done this way (reopen, then resolve again).
 */
export function reopenEscalation(
  escalation: Escalation,
  input: ReopenInput,
  context: TransitionContext,
): TransitionResult {
  const parsed = parse(reopenInputSchema, input);
  if (!parsed.ok) return parsed;
  const mismatch = checkPolicy(escalation.policy, context.policy);
  if (mismatch) return { ok: false, error: mismatch };

  let replaced: ReplacedEntry;
  if (escalation.resolution) replaced = { entry: 'resolution', before: escalation.resolution };
  else if (escalation.withdrawal) replaced = { entry: 'withdrawal', before: escalation.withdrawal };
  else return refuse('already-open', 'This escalation is already open.');

  const { step } = currentStepOf(escalation, context.policy);
  const { resolution: _resolution, withdrawal: _withdrawal, ...rest } = escalation;
  return commit(
    { ...rest, status: 'open' },
    {},
    event(escalation, context, {
      kind: 'reopened',
      summary: `Reopened at ${stepLabel(step)}.`,
      reason: parsed.value.reason,
      replaced,
    }),
  );
}

/**
 * Corrects a discussion, a ticked duty or the concern. The reason is
 * required and the entry as it was is kept in the event log, so the record
 * stays traceable.
 */
export function amendEntry(
  escalation: Escalation,
  input: AmendInput,
  context: TransitionContext,
): TransitionResult {
  const parsed = parse(amendInputSchema, input);
  if (!parsed.ok) return parsed;
  const amendment = parsed.value;
  const earlier = checkCanChange(escalation, context);
  if (earlier) return { ok: false, error: earlier };

  switch (amendment.entry) {
    case 'discussion': {
      const before = escalation.discussions.find((discussion) => discussion.id === amendment.discussionId);
      if (!before) {
        return refuse('unknown-discussion', `There is no discussion "${amendment.discussionId}" to amend.`);
      }
      const { agreedActions, ...changes } = amendment.changes;
      const after: Discussion = {
        ...before,
        ...withoutUndefined(changes),
        ...(agreedActions === undefined ? {} : { agreedActions: agreedActionsFor(before.id, agreedActions) }),
      };
      const problem =
        checkWhen(after.heldAt, 'A discussion', escalation, context.now) ??
        checkDiscussionOrder(escalation, before.stepId, after.heldAt);
      if (problem) return { ok: false, error: problem };
      return commit(
        escalation,
        {
          discussions: escalation.discussions.map((discussion) =>
            discussion === before ? after : discussion,
          ),
        },
        event(escalation, context, {
          kind: 'amended',
          summary: `Discussion ${escalation.discussions.indexOf(before) + 1} at step ${before.stepId} amended.`,
          discussionId: before.id,
          reason: amendment.reason,
          replaced: { entry: 'discussion', before },
        }),
      );
    }
    case 'duty': {
      const before = escalation.dutiesDone.find(
        (done) => done.stepId === amendment.stepId && done.dutyId === amendment.dutyId,
      );
      if (!before) {
        return refuse(
          'unknown-duty',
          `The duty "${amendment.dutyId}" has not been ticked at step ${amendment.stepId}, so there is nothing to amend.`,
        );
      }
      const after: DutyDone = { ...before, ...withoutUndefined(amendment.changes) };
      const problem = checkWhen(after.doneAt, 'A duty', escalation, context.now);
      if (problem) return { ok: false, error: problem };
      return commit(
        escalation,
        { dutiesDone: escalation.dutiesDone.map((done) => (done === before ? after : done)) },
        event(escalation, context, {
          kind: 'amended',
          summary: `Duty at step ${before.stepId} amended: ${dutyText(context.policy, before)}`,
          stepId: before.stepId,
          dutyId: before.dutyId,
          reason: amendment.reason,
          replaced: { entry: 'duty', before },
        }),
      );
    }
    case 'concern': {
      const before = escalation.concern;
      const after: Concern = { ...before, ...withoutUndefined(amendment.changes) };
      const problem = checkReasonCategory(context.policy, after.reasonCategory);
      if (problem) return { ok: false, error: problem };
      return commit(
        escalation,
        { concern: after },
        event(escalation, context, {
          kind: 'amended',
          summary: 'The concern was amended.',
          reason: amendment.reason,
          replaced: { entry: 'concern', before },
        }),
      );
    }
  }
}

function dutyText(policy: Policy, done: DutyDone): string {
  const step = findStep(policy, done.stepId)?.step;
  return step?.duties.find((duty) => duty.id === done.dutyId)?.text ?? done.dutyId;
}

function capitalised(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
