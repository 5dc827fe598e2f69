import {
  type CalendarSettings,
  deadlineState,
  describeTimeToDeadline,
  formatDateTime,
  formatShortDate,
  formatTime,
} from '@/lib/calendar';
import type { Escalation, EscalationState, StepProgress } from '@/lib/escalation';
import type { Step } from '@/lib/policy';

/**
 * The words, and the shape that goes with them, for where an escalation
 * stands. Colour is never the only signal: every state has its own word and
 * its own symbol.
 */

export type StepTone = 'done' | 'current' | 'due-soon' | 'overdue' | 'missed' | 'upcoming' | 'muted';

export interface StepStanding {
  /** A symbol drawn beside the words; hidden from screen readers, which read the words. */
  symbol: string;
  words: string;
  tone: StepTone;
}

export interface DeadlineContext {
  now: Date;
  calendar: CalendarSettings;
  leadWorkingDays: number;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** "Stage 1, step 1b" – the step id only where a stage has more than one step. */
export function stepName(step: Step, steps: readonly Step[]): string {
  const shared = steps.filter((candidate) => candidate.stage === step.stage).length > 1;
  return shared ? `Stage ${step.stage}, step ${step.id}` : `Stage ${step.stage}`;
}

/** How a step with a deadline still to meet stands at `now`. */
function dueStanding(
  dueAt: Date | undefined,
  { now, calendar, leadWorkingDays }: DeadlineContext,
): StepStanding {
  if (!dueAt) return { symbol: '○', words: 'Due (deadline not set yet)', tone: 'upcoming' };
  switch (deadlineState(dueAt, now, calendar, leadWorkingDays)) {
    case 'overdue':
      return { symbol: '!', words: 'Overdue', tone: 'overdue' };
    case 'due-soon':
      return { symbol: '◆', words: 'Due soon', tone: 'due-soon' };
    case 'upcoming':
      return { symbol: '●', words: 'Due', tone: 'current' };
  }
}

export function stepStanding(
  progress: StepProgress,
  state: EscalationState,
  context: DeadlineContext,
): StepStanding {
  const isNext = state.next?.step.id === progress.step.id;
  switch (progress.status) {
    case 'done':
      return progress.met === false
        ? { symbol: '✓', words: 'Done after the deadline', tone: 'missed' }
        : { symbol: '✓', words: 'Done', tone: 'done' };
    case 'current':
      return isNext
        ? dueStanding(progress.dueAt, context)
        : { symbol: '✓', words: 'Discussion held; escalate or resolve', tone: 'current' };
    case 'to-come':
      if (isNext) return dueStanding(progress.dueAt, context);
      return progress.missed
        ? { symbol: '✕', words: 'Missed: deadline passed', tone: 'missed' }
        : { symbol: '○', words: 'To come', tone: 'upcoming' };
    case 'passed-over':
      return { symbol: '»', words: 'Passed over: moved ahead of the timescale', tone: 'muted' };
    case 'skipped':
      return { symbol: '»', words: 'Skipped: moved ahead of the timescale', tone: 'muted' };
    case 'withdrawn':
      return { symbol: '■', words: 'Withdrawn at this step', tone: 'muted' };
    case 'not-needed':
      return { symbol: '–', words: 'Not needed', tone: 'muted' };
  }
}

/** "Thu 5 Nov, 17:00 (in 1 working day)" or "Tue 3 Nov, 17:00 (overdue by 3 hours)". */
function dueWords(dueAt: Date, context: DeadlineContext): string {
  const { overdue, text } = describeTimeToDeadline(dueAt, context.now, context.calendar);
  const when = `${formatShortDate(dueAt)}, ${formatTime(dueAt)}`;
  if (overdue) return `Was due ${when} (${text})`;
  return `Due ${when} (${text.startsWith('due today') ? 'today' : text.replace(/^due /, '')})`;
}

/**
 * One line saying what must happen next and by when, e.g. "Stage 2: discussion
 * at the next management level or with appropriate safeguarding leads. Due Thu
 * 5 Nov, 17:00 (in 1 working day)".
 */
export function summaryLine(
  escalation: Escalation,
  state: EscalationState,
  steps: readonly Step[],
  context: DeadlineContext,
): string {
  const stage = state.currentStage.number;
  if (escalation.resolution) {
    return `Resolved at stage ${stage} on ${formatDateTime(new Date(escalation.resolution.resolvedAt))}.`;
  }
  if (escalation.withdrawal) {
    return `Withdrawn at stage ${stage} on ${formatDateTime(new Date(escalation.withdrawal.withdrawnAt))}.`;
  }
  const { next } = state;
  if (!next) {
    return `${stepName(state.currentStep, steps)}: the discussion at the last step is recorded. Record the outcome.`;
  }
  const prefix = next.step.id === state.currentStep.id ? '' : 'If not resolved at this step, next: ';
  const due = next.dueAt
    ? dueWords(next.dueAt, context)
    : 'Its deadline counts from a step not completed yet';
  return `${prefix}${stepName(next.step, steps)}: ${lowerFirst(next.step.title)}. ${due}.`;
}
