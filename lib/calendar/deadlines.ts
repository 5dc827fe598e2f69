import type { Duration, Policy, Step, Timescale } from '../policy/schema';
import { holidaySourceInWords } from './holidays';
import {
  addCalendarDays,
  clockTimeToMs,
  formatDate,
  formatDateTime,
  formatShortDate,
  formatTime,
  londonDate,
  londonInstant,
  londonTimeOfDay,
} from './london';
import { type CalendarSettings, calendarFor } from './settings';
import {
  addWorkingDays,
  describeNonWorkingDay,
  isWorkingDay,
  type NonWorkingDay,
  nextWorkingDay,
  nonWorkingDaysBetween,
} from './working-days';

const MS_PER_HOUR = 3_600_000;

/** What has happened so far in an escalation, for deadlines that count from a later milestone. */
export interface DeadlineHistory {
  track?: 'standard' | 'urgent';
  /** When each step was completed, by step id. */
  stepsCompletedAt?: Record<string, Date>;
  /** When each stage was entered, by stage number; stage 1 is entered when the difference started. */
  stagesEnteredAt?: Record<number, Date>;
}

export interface StepDeadline {
  stepId: string;
  stage: number;
  dueAt: Date;
}

interface WorkingMoment {
  date: string;
  timeOfDay: number;
}

/**
 * Where counting in working time begins: the moment itself inside working
 * hours; the start of hours earlier on a working day; otherwise the start of
 * the next working day.
 */
function workingStart(anchor: Date, calendar: CalendarSettings): WorkingMoment {
  const date = londonDate(anchor);
  const timeOfDay = londonTimeOfDay(anchor);
  const start = clockTimeToMs(calendar.workingHours.start);
  if (isWorkingDay(date, calendar) && timeOfDay < clockTimeToMs(calendar.workingHours.end)) {
    return { date, timeOfDay: Math.max(timeOfDay, start) };
  }
  return { date: nextWorkingDay(addCalendarDays(date, 1), calendar), timeOfDay: start };
}

function addWorkingHours(from: WorkingMoment, hours: number, calendar: CalendarSettings): Date {
  const start = clockTimeToMs(calendar.workingHours.start);
  const end = clockTimeToMs(calendar.workingHours.end);
  let { date, timeOfDay } = from;
  let remaining = hours * MS_PER_HOUR;
  while (remaining > end - timeOfDay) {
    remaining -= end - timeOfDay;
    date = nextWorkingDay(addCalendarDays(date, 1), calendar);
    timeOfDay = start;
  }
  return londonInstant(date, timeOfDay + remaining);
}

/** When something lasting `duration` is due, counted from `anchor`, under the calendar's deadline rule. */
export function deadlineAfter(anchor: Date, duration: Duration, calendar: CalendarSettings): Date {
  const endOfDay = clockTimeToMs(calendar.workingHours.end);
  switch (duration.unit) {
    case 'immediately':
      return new Date(anchor.getTime());
    case 'hours':
      return new Date(anchor.getTime() + duration.amount * MS_PER_HOUR);
    case 'calendar-days': {
      const date = addCalendarDays(londonDate(anchor), duration.amount);
      return londonInstant(date, calendar.deadlineRule === 'end-of-day' ? endOfDay : londonTimeOfDay(anchor));
    }
    case 'working-days': {
      if (calendar.deadlineRule === 'end-of-day') {
        return londonInstant(addWorkingDays(londonDate(anchor), duration.amount, calendar), endOfDay);
      }
      const start = workingStart(anchor, calendar);
      return londonInstant(addWorkingDays(start.date, duration.amount, calendar), start.timeOfDay);
    }
    case 'working-hours':
      return addWorkingHours(workingStart(anchor, calendar), duration.amount, calendar);
  }
}

function timescaleOn(step: Step, history: DeadlineHistory): Timescale {
  return (history.track === 'urgent' && step.urgentTimescale) || step.timescale;
}

/** The moment a step's deadline counts from, or undefined while that milestone has not happened. */
function anchorOf(
  policy: Policy,
  index: number,
  startedAt: Date,
  history: DeadlineHistory,
): { step: Step; timescale: Timescale; anchor: Date | undefined } | undefined {
  const step = policy.steps[index];
  if (!step) return undefined;
  const timescale = timescaleOn(step, history);
  const from = timescale.from;
  let anchor: Date | undefined;
  switch (from.from) {
    case 'difference-started':
      anchor = startedAt;
      break;
    case 'step-completed': {
      const earlier = from.stepId ?? policy.steps[index - 1]?.id;
      anchor = earlier === undefined ? undefined : history.stepsCompletedAt?.[earlier];
      break;
    }
    case 'stage-entered':
      anchor = history.stagesEnteredAt?.[step.stage] ?? (step.stage === 1 ? startedAt : undefined);
      break;
  }
  return { step, timescale, anchor };
}

/**
 * Each step's deadline. Steps counted from a milestone that has not happened
 * yet (a step not completed, a stage not entered) are left out.
 */
export function stepDeadlines(
  startedAt: Date,
  policy: Policy,
  calendar?: Partial<CalendarSettings>,
  history: DeadlineHistory = {},
): StepDeadline[] {
  const settings = calendarFor(policy, calendar);
  return policy.steps.flatMap((_, index) => {
    const resolved = anchorOf(policy, index, startedAt, history);
    if (!resolved?.anchor) return [];
    const { step, timescale, anchor } = resolved;
    return [
      { stepId: step.id, stage: step.stage, dueAt: deadlineAfter(anchor, timescale.duration, settings) },
    ];
  });
}

/**
 * Every step's deadline for a difference of opinion starting at `startedAt`,
 * supposing each step is completed on its deadline and each stage is entered
 * when the last deadline of the stage before it falls: how an imported policy
 * would play out, shown before the user adopts it. A step whose deadline
 * counts from something that never comes about is left out.
 */
export function sampleTimeline(
  startedAt: Date,
  policy: Policy,
  calendar?: Partial<CalendarSettings>,
): StepDeadline[] {
  const stepsCompletedAt: Record<string, Date> = {};
  const stagesEnteredAt: Record<number, Date> = { 1: startedAt };
  // Each pass adds what the previous one made known; it stops when a pass adds nothing.
  for (let known = 0; ; ) {
    const deadlines = stepDeadlines(startedAt, policy, calendar, { stepsCompletedAt, stagesEnteredAt });
    for (const deadline of deadlines) stepsCompletedAt[deadline.stepId] = deadline.dueAt;
    for (const stage of policy.stages) {
      const previous = stagesEnteredAt[stage.number - 1];
      if (stage.number in stagesEnteredAt || !previous) continue;
      const earlier = policy.steps.filter((step) => step.stage === stage.number - 1);
      const dueTimes = earlier.flatMap((step) => stepsCompletedAt[step.id]?.getTime() ?? []);
      if (dueTimes.length < earlier.length) continue;
      stagesEnteredAt[stage.number] = new Date(Math.max(previous.getTime(), ...dueTimes));
    }
    const nowKnown = deadlines.length + Object.keys(stagesEnteredAt).length;
    if (nowKnown === known) return deadlines;
    known = nowKnown;
  }
}

/** One step's deadline; undefined when the step is unknown or what it counts from has not happened yet. */
export function stepDeadline(
  stepId: string,
  startedAt: Date,
  policy: Policy,
  calendar?: Partial<CalendarSettings>,
  history: DeadlineHistory = {},
): Date | undefined {
  const index = policy.steps.findIndex((step) => step.id === stepId);
  const resolved = anchorOf(policy, index, startedAt, history);
  if (!resolved?.anchor) return undefined;
  return deadlineAfter(resolved.anchor, resolved.timescale.duration, calendarFor(policy, calendar));
}

export type SkippedDay = NonWorkingDay & { reason: string };

export interface DeadlineExplanation {
  dueAt: Date;
  /** Words a practitioner can check against a calendar. */
  sentence: string;
  /** The non-working days passed over between the start and the deadline. */
  skipped: SkippedDay[];
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

function listInWords(items: string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')}, and ${items.at(-1)}`;
}

function describeSkipped(days: NonWorkingDay[]): string {
  // Saturday and Sunday together are "the weekend"; the list only holds non-working days, so check they are adjacent.
  const startsWeekend = (day: NonWorkingDay, index: number) => {
    const before = days[index - 1];
    return (
      day.kind === 'weekend' && !(before?.kind === 'weekend' && addCalendarDays(before.date, 1) === day.date)
    );
  };
  const weekendCount = days.filter(startsWeekend).length;
  const parts: string[] = [];
  days.forEach((day, index) => {
    if (day.kind !== 'weekend') {
      // A bank holiday names where it came from, so a practitioner can check it against that list.
      const detail =
        day.kind === 'bank-holiday'
          ? `${day.substitute ? `${day.name}, substitute day` : day.name}, ${holidaySourceInWords(day.source)}`
          : describeNonWorkingDay(day);
      parts.push(`${formatShortDate(day.date)} (${detail})`);
    } else if (startsWeekend(day, index)) {
      parts.push(weekendCount === 1 ? 'the weekend' : `the weekend of ${formatShortDate(day.date)}`);
    }
  });
  return parts.length === 0 ? ': no non-working days in between' : `: skips ${listInWords(parts)}`;
}

/** Words for where working-time counting started, when that is not the anchor itself. */
function countedFrom(anchor: Date, calendar: CalendarSettings): string {
  const start = workingStart(anchor, calendar);
  const startsAt = londonInstant(start.date, start.timeOfDay);
  if (startsAt.getTime() === anchor.getTime()) return '';
  return start.date === londonDate(anchor)
    ? `, counted from the start of working hours at ${formatTime(startsAt)}`
    : `, counted from the start of the next working day, ${formatDateTime(startsAt)}`;
}

/**
 * How a deadline was worked out, e.g. "3 working days from Thu 24 Dec 2026:
 * skips Fri 25 Dec (Christmas Day), the weekend, and Mon 28 Dec (Boxing Day,
 * substitute day). Due Thu 31 Dec 2026, 17:00."
 */
export function explainDeadline(
  anchor: Date,
  duration: Duration,
  calendar: CalendarSettings,
): DeadlineExplanation {
  const dueAt = deadlineAfter(anchor, duration, calendar);
  const due = `Due ${formatDateTime(dueAt)}.`;
  const skippedDays =
    duration.unit === 'working-days' || duration.unit === 'working-hours'
      ? nonWorkingDaysBetween(londonDate(anchor), londonDate(dueAt), calendar)
      : [];
  const skipped = skippedDays.map((day) => ({ ...day, reason: describeNonWorkingDay(day) }));
  const endOfDay = calendar.deadlineRule === 'end-of-day';
  let sentence: string;
  switch (duration.unit) {
    case 'immediately':
      sentence = `Due immediately, at ${formatDateTime(anchor)}.`;
      break;
    case 'hours':
      sentence = `${plural(duration.amount, 'hour')} from ${formatDateTime(anchor)}, counting every hour. ${due}`;
      break;
    case 'calendar-days':
      sentence = endOfDay
        ? `${plural(duration.amount, 'calendar day')} from ${formatDate(anchor)}, due at the end of the working day. ${due}`
        : `${plural(duration.amount, 'calendar day')} from ${formatDateTime(anchor)}. ${due}`;
      break;
    case 'working-days':
      sentence = endOfDay
        ? `${plural(duration.amount, 'working day')} from ${formatDate(anchor)}${describeSkipped(skippedDays)}. ${due}`
        : `${plural(duration.amount, 'working day')} from ${formatDateTime(anchor)}${countedFrom(anchor, calendar)}${describeSkipped(skippedDays)}. ${due}`;
      break;
    case 'working-hours': {
      const { start, end } = calendar.workingHours;
      sentence = `${plural(duration.amount, 'working hour')} (${start}–${end} on working days) from ${formatDateTime(anchor)}${countedFrom(anchor, calendar)}${describeSkipped(skippedDays)}. ${due}`;
      break;
    }
  }
  return { dueAt, sentence, skipped };
}

/** How one step's deadline was worked out; undefined when the step is unknown or its anchor has not happened. */
export function explainStepDeadline(
  stepId: string,
  startedAt: Date,
  policy: Policy,
  calendar?: Partial<CalendarSettings>,
  history: DeadlineHistory = {},
): DeadlineExplanation | undefined {
  const resolved = anchorOf(
    policy,
    policy.steps.findIndex((step) => step.id === stepId),
    startedAt,
    history,
  );
  if (!resolved?.anchor) return undefined;
  return explainDeadline(resolved.anchor, resolved.timescale.duration, calendarFor(policy, calendar));
}
