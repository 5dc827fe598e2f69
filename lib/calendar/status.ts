import { addCalendarDays, formatTime, londonDate, londonInstant } from './london';
import type { CalendarSettings } from './settings';
import { workingDaysBetween } from './working-days';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

export type DeadlineState = 'upcoming' | 'due-soon' | 'overdue';

function count(amount: number, unit: string): string {
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/** Elapsed time in the largest whole unit under a day: "3 hours", "20 minutes". */
function elapsed(ms: number): string {
  return ms >= MS_PER_HOUR
    ? count(Math.floor(ms / MS_PER_HOUR), 'hour')
    : count(Math.max(1, Math.floor(ms / MS_PER_MINUTE)), 'minute');
}

/**
 * Time to a deadline in a practitioner's words. The set of texts:
 * - "due today at 17:00" when due later on the current London day;
 * - "due in N working days" when due on a later date (N working days from today);
 * - "due in N hours" / "due in N minutes" when due on a later non-working day before the next working day;
 * - "overdue by N minutes" / "overdue by N hours" in the first day after the deadline;
 * - "overdue by N working days" after that (hours again if no working day has passed, e.g. over a weekend).
 */
export function describeTimeToDeadline(
  dueAt: Date,
  now: Date,
  calendar: CalendarSettings,
): { overdue: boolean; text: string } {
  const gap = dueAt.getTime() - now.getTime();
  if (gap < 0) {
    const workingDays = workingDaysBetween(dueAt, now, calendar);
    const text = -gap >= MS_PER_DAY && workingDays > 0 ? count(workingDays, 'working day') : elapsed(-gap);
    return { overdue: true, text: `overdue by ${text}` };
  }
  if (londonDate(dueAt) === londonDate(now)) {
    return { overdue: false, text: `due today at ${formatTime(dueAt)}` };
  }
  const workingDays = workingDaysBetween(now, dueAt, calendar);
  return {
    overdue: false,
    text: `due in ${workingDays > 0 ? count(workingDays, 'working day') : elapsed(gap)}`,
  };
}

/**
 * Due soon: not yet overdue, and no more than `leadWorkingDays` working days
 * stand between today and the deadline's date (0: due on the current working
 * day, or before the next one begins).
 */
export function isDueSoon(dueAt: Date, now: Date, calendar: CalendarSettings, leadWorkingDays = 0): boolean {
  return now.getTime() <= dueAt.getTime() && workingDaysBetween(now, dueAt, calendar) <= leadWorkingDays;
}

export function deadlineState(
  dueAt: Date,
  now: Date,
  calendar: CalendarSettings,
  leadWorkingDays = 0,
): DeadlineState {
  if (now.getTime() > dueAt.getTime()) return 'overdue';
  return isDueSoon(dueAt, now, calendar, leadWorkingDays) ? 'due-soon' : 'upcoming';
}

/**
 * The moment a deadline starts to count as due soon: the start (00:00,
 * London) of the first day from which no more than `leadWorkingDays` working
 * days stand before the deadline's date. Alerts schedule their next check for it.
 */
export function dueSoonFrom(dueAt: Date, calendar: CalendarSettings, leadWorkingDays = 0): Date {
  const dueDate = londonDate(dueAt);
  let day = dueDate;
  // Walk back while the day before would still be within the lead.
  for (;;) {
    const earlier = addCalendarDays(day, -1);
    if (workingDaysBetween(earlier, dueDate, calendar) > leadWorkingDays) break;
    day = earlier;
  }
  return londonInstant(day, 0);
}
