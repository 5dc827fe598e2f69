import {
  type CalendarSettings,
  calendarFor,
  type DeadlineHistory,
  type DeadlineState,
  deadlineState,
  describeTimeToDeadline,
  stepDeadline,
  stepDeadlines,
} from '../calendar';
import type { Duty, Policy, Stage, Step } from '../policy';
import { findStage } from '../policy/stages';
import type { DutyMethod, Escalation } from './schema';

/**
 * What an escalation means at a moment: deadlines, what is next, what was
 * missed and what is still to do. Always worked out, never stored.
 *
 * A step is *done* when a discussion at it has been recorded and the
 * escalation has moved on from it, or when the escalation was resolved while
 * at it; it was done at the time of that move or resolution. A step
 * *happened* at its first recorded discussion (or at the resolution, if it
 * was resolved there without one); a deadline is met when the step happened
 * on or before it. A step *passed over* was left, ahead of the timescale,
 * without a discussion; a step *skipped* was never reached because the
 * escalation moved ahead past it. Neither counts as missed, because the
 * procedure allows urgent cases to move faster than its timescales.
 */

export type StepStatus =
  /** Discussed and moved on from, or resolved at. */
  | 'done'
  /** The open escalation is at this step. */
  | 'current'
  /** Left ahead of the timescale without a discussion. */
  | 'passed-over'
  /** Moved ahead past it; never reached. */
  | 'skipped'
  /** The escalation was withdrawn while at this step. */
  | 'withdrawn'
  /** Not reached yet; the escalation is open. */
  | 'to-come'
  /** Not reached, and the escalation has ended. */
  | 'not-needed';

export interface StepProgress {
  step: Step;
  stage: Stage;
  status: StepStatus;
  /** Absent while what the deadline counts from has not happened yet. */
  dueAt?: Date;
  /** The policy gives this timescale only as a guide; it is never called missed. */
  indicative: boolean;
  enteredAt?: Date;
  happenedAt?: Date;
  doneAt?: Date;
  /** Whether it happened by its deadline; absent until it has happened. */
  met?: boolean;
  /** The deadline passed before the step happened. */
  missed: boolean;
}

export interface DutyProgress {
  stepId: string;
  duty: Duty;
  /** Absent while the duty is still to do. */
  done?: {
    at: Date;
    /** Who did it, where the record names someone other than the person recording it. */
    by?: string;
    /** Ticked as a duty, or shown by a discussion that was fed back or recorded on both files. */
    via: 'ticked' | 'discussion';
    method?: DutyMethod;
    note?: string;
  };
}

export interface NextStep {
  step: Step;
  dueAt?: Date;
  deadline?: {
    state: DeadlineState;
    overdue: boolean;
    /** "due in 1 working day", "overdue by 3 hours". */
    text: string;
  };
}

export interface EscalationState {
  currentStep: Step;
  currentStage: Stage;
  /** Every step of the policy, in order. */
  steps: StepProgress[];
  /**
   * What must happen next, while the escalation is open: the current step
   * until a discussion there has been recorded, then the step after it.
   * Absent once the escalation has ended, or at the last step after its discussion.
   */
  next?: NextStep;
  /** Steps whose deadline passed before they happened. */
  missed: StepProgress[];
  /** Duties of every step reached or moved past, with whether each has been done. */
  duties: DutyProgress[];
  /** Required duties of the current step not done yet (none once the escalation has ended). */
  openDuties: DutyProgress[];
  /** The milestones later deadlines count from (steps completed, stages entered), for explaining them. */
  deadlineHistory: DeadlineHistory;
}

export interface DeriveOptions {
  calendar?: Partial<CalendarSettings>;
  /** How many working days before a deadline it counts as due soon; 0 means on the day. */
  leadWorkingDays?: number;
}

function stageOf(policy: Policy, number: number): Stage {
  const stage = findStage(policy, number);
  if (!stage) throw new Error(`policy ${policy.id} has no stage ${number}`);
  return stage;
}

function earliest(times: (Date | undefined)[]): Date | undefined {
  const defined = times.filter((time): time is Date => time !== undefined);
  return defined.length === 0 ? undefined : new Date(Math.min(...defined.map((time) => time.getTime())));
}

/** When each step was entered, happened, and left, read from the escalation's history. */
function stepHistory(escalation: Escalation) {
  const entered = new Map<string, Date>();
  const left = new Map<string, Date>();
  const skipped = new Set<string>();
  escalation.stepsEntered.forEach((entry, index) => {
    entered.set(entry.stepId, new Date(entry.enteredAt));
    const previous = escalation.stepsEntered[index - 1];
    if (previous) left.set(previous.stepId, new Date(entry.enteredAt));
    for (const stepId of entry.skippedStepIds) skipped.add(stepId);
  });
  const firstDiscussion = new Map<string, Date>();
  for (const discussion of escalation.discussions) {
    const at = new Date(discussion.heldAt);
    firstDiscussion.set(discussion.stepId, earliest([firstDiscussion.get(discussion.stepId), at]) ?? at);
  }
  return { entered, left, skipped, firstDiscussion };
}

function dutyProgress(escalation: Escalation, stepId: string, duty: Duty): DutyProgress {
  const ticked = escalation.dutiesDone.find((done) => done.stepId === stepId && done.dutyId === duty.id);
  if (ticked) {
    return {
      stepId,
      duty,
      done: {
        at: new Date(ticked.doneAt),
        via: 'ticked',
        ...(ticked.doneBy === undefined ? {} : { by: ticked.doneBy }),
        method: ticked.method,
        ...(ticked.note === undefined ? {} : { note: ticked.note }),
      },
    };
  }
  // A discussion already says whether action was fed back and recorded on both files; not asking twice.
  const shownBy = escalation.discussions.find(
    (discussion) =>
      discussion.stepId === stepId &&
      ((duty.kind === 'feed-back' && discussion.fedBack) ||
        (duty.kind === 'record-on-file' &&
          discussion.recordedOnFile.raisingAgency &&
          discussion.recordedOnFile.otherAgency)),
  );
  return shownBy
    ? { stepId, duty, done: { at: new Date(shownBy.heldAt), via: 'discussion' } }
    : { stepId, duty };
}

function checkPinnedTo(escalation: Escalation, policy: Policy): void {
  if (escalation.policy.id !== policy.id || escalation.policy.version !== policy.version) {
    throw new Error(
      `escalation ${escalation.id} runs under ${escalation.policy.id} ${escalation.policy.version}, not ${policy.id} ${policy.version}`,
    );
  }
}

/**
 * Where an escalation is in its policy, read from its history: each step's
 * status, and the milestones its deadlines count from. Needs no calendar.
 */
function progressOf(escalation: Escalation, policy: Policy) {
  const history = stepHistory(escalation);
  const currentIndex = policy.steps.findIndex((step) => step.id === escalation.currentStepId);
  const currentStep = policy.steps[currentIndex];
  if (!currentStep) throw new Error(`step ${escalation.currentStepId} is not in policy ${policy.id}`);
  const resolvedAt = escalation.resolution ? new Date(escalation.resolution.resolvedAt) : undefined;

  const statusOf = (step: Step, index: number): StepStatus => {
    if (history.skipped.has(step.id)) return 'skipped';
    if (index > currentIndex) return escalation.status === 'open' ? 'to-come' : 'not-needed';
    if (index === currentIndex) {
      if (escalation.status === 'resolved') return 'done';
      return escalation.status === 'withdrawn' ? 'withdrawn' : 'current';
    }
    return history.firstDiscussion.has(step.id) ? 'done' : 'passed-over';
  };

  const statuses = policy.steps.map(statusOf);
  const doneAt = (step: Step, status: StepStatus): Date | undefined => {
    if (status !== 'done') return undefined;
    return step.id === escalation.currentStepId ? resolvedAt : history.left.get(step.id);
  };

  const stepsCompletedAt: Record<string, Date> = {};
  policy.steps.forEach((step, index) => {
    const at = doneAt(step, statuses[index] ?? 'to-come');
    if (at) stepsCompletedAt[step.id] = at;
  });
  const stagesEnteredAt: Record<number, Date> = {};
  for (const entry of escalation.stepsEntered) {
    stagesEnteredAt[entry.stage] ??= new Date(entry.enteredAt);
  }
  const deadlineHistory: DeadlineHistory = { track: escalation.track, stepsCompletedAt, stagesEnteredAt };
  return {
    history,
    currentIndex,
    currentStep,
    resolvedAt,
    statuses,
    stepsCompletedAt,
    deadlineHistory,
    startedAt: new Date(escalation.differenceStartedAt),
  };
}

/**
 * The step that must happen next, while the escalation is open: the current
 * step until a discussion there has been recorded, then the step after it.
 */
function nextStepIn(
  escalation: Escalation,
  policy: Policy,
  { history, currentStep, currentIndex }: ReturnType<typeof progressOf>,
): Step | undefined {
  if (escalation.status !== 'open') return undefined;
  return history.firstDiscussion.has(currentStep.id) ? policy.steps[currentIndex + 1] : currentStep;
}

/** The next step and its deadline as they stand at `now`. */
function nextAt(
  step: Step,
  dueAt: Date | undefined,
  now: Date,
  calendar: CalendarSettings,
  lead: number,
): NextStep {
  if (!dueAt) return { step };
  return {
    step,
    dueAt,
    deadline: {
      state: deadlineState(dueAt, now, calendar, lead),
      ...describeTimeToDeadline(dueAt, now, calendar),
    },
  };
}

/**
 * What must happen next and by when, which does not depend on the time (only
 * whether it is overdue does): the badge, alerts and the popup need nothing
 * else, for every open escalation at once, so no other step's deadline is
 * worked out. Undefined once nothing is next (EscalationState's `next`).
 */
export function nextStepDue(
  escalation: Escalation,
  policy: Policy,
  calendar?: Partial<CalendarSettings>,
): { step: Step; dueAt?: Date } | undefined {
  checkPinnedTo(escalation, policy);
  const progress = progressOf(escalation, policy);
  const step = nextStepIn(escalation, policy, progress);
  if (!step) return undefined;
  const dueAt = stepDeadline(step.id, progress.startedAt, policy, calendar, progress.deadlineHistory);
  return dueAt ? { step, dueAt } : { step };
}

/**
 * Works out deadlines and progress for an escalation under the policy version
 * it is pinned to, at `now`.
 */
export function deriveEscalationState(
  escalation: Escalation,
  policy: Policy,
  now: Date,
  options: DeriveOptions = {},
): EscalationState {
  checkPinnedTo(escalation, policy);
  const calendar = calendarFor(policy, options.calendar);
  const progress = progressOf(escalation, policy);
  const { history, currentStep, resolvedAt, statuses, stepsCompletedAt } = progress;
  const withdrawnAt = escalation.withdrawal ? new Date(escalation.withdrawal.withdrawnAt) : undefined;
  const dueAtByStep = new Map(
    stepDeadlines(progress.startedAt, policy, calendar, progress.deadlineHistory).map((deadline) => [
      deadline.stepId,
      deadline.dueAt,
    ]),
  );

  // Beyond this moment nothing more can happen at a step, so a deadline still ahead of it cannot be missed.
  const endedAt = resolvedAt ?? withdrawnAt ?? now;
  const steps: StepProgress[] = policy.steps.map((step, index) => {
    const status = statuses[index] ?? 'to-come';
    const dueAt = dueAtByStep.get(step.id);
    const timescale =
      escalation.track === 'urgent' ? (step.urgentTimescale ?? step.timescale) : step.timescale;
    const happenedAt =
      history.firstDiscussion.get(step.id) ??
      (status === 'done' && step.id === escalation.currentStepId ? resolvedAt : undefined);
    const enteredAt = history.entered.get(step.id);
    const completedAt = stepsCompletedAt[step.id];
    const met = happenedAt && dueAt ? happenedAt <= dueAt : undefined;

    let missed = false;
    if (dueAt && !timescale.indicative) {
      if (happenedAt) missed = happenedAt > dueAt;
      else if (status === 'passed-over') missed = dueAt < (history.left.get(step.id) ?? endedAt);
      else if (status === 'current' || status === 'to-come' || status === 'withdrawn')
        missed = dueAt < endedAt;
    }

    return {
      step,
      stage: stageOf(policy, step.stage),
      status,
      ...(dueAt ? { dueAt } : {}),
      indicative: timescale.indicative,
      ...(enteredAt ? { enteredAt } : {}),
      ...(happenedAt ? { happenedAt } : {}),
      ...(completedAt ? { doneAt: completedAt } : {}),
      ...(met === undefined ? {} : { met }),
      missed,
    };
  });

  const nextStep = nextStepIn(escalation, policy, progress);
  const next =
    nextStep && nextAt(nextStep, dueAtByStep.get(nextStep.id), now, calendar, options.leadWorkingDays ?? 0);

  // Steps moved past keep their duties: the Business Manager is told from stage 2 even when stage 2 was passed over.
  const reached = policy.steps.filter((_, index) => {
    const status = statuses[index];
    return status !== 'to-come' && status !== 'not-needed';
  });
  const duties = reached.flatMap((step) =>
    step.duties.map((duty) => dutyProgress(escalation, step.id, duty)),
  );
  const openDuties =
    escalation.status === 'open'
      ? duties.filter(
          (progress) => progress.stepId === currentStep.id && progress.duty.required && !progress.done,
        )
      : [];

  return {
    currentStep,
    currentStage: stageOf(policy, currentStep.stage),
    steps,
    ...(next ? { next } : {}),
    missed: steps.filter((progress) => progress.missed),
    duties,
    openDuties,
    deadlineHistory: progress.deadlineHistory,
  };
}
