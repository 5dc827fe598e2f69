import { bankHolidays } from './holidays';
import { addCalendarDays, type CalendarDate, isWeekend, londonDate, yearOf } from './london';
import type { CalendarSettings } from './settings';

/** Why a date is not a working day, in structured form. */
export type NonWorkingDay =
  | { date: CalendarDate; kind: 'weekend' }
  | { date: CalendarDate; kind: 'bank-holiday'; name: string; substitute: boolean }
  | { date: CalendarDate; kind: 'closure'; name?: string }
  | { date: CalendarDate; kind: 'addition'; name: string };

function toCalendarDate(date: Date | CalendarDate): CalendarDate {
  return typeof date === 'string' ? date : londonDate(date);
}

/** Why the date (an instant read in London, or a calendar date) is not a working day; undefined when it is one. */
export function nonWorkingDay(
  date: Date | CalendarDate,
  calendar: CalendarSettings,
): NonWorkingDay | undefined {
  const day = toCalendarDate(date);
  if (calendar.removals.includes(day)) return undefined;
  if (isWeekend(day)) return { date: day, kind: 'weekend' };
  const addition = calendar.additions.find((entry) => entry.date === day);
  if (addition) return { date: day, kind: 'addition', name: addition.name };
  const holiday = bankHolidays(yearOf(day), calendar.region, calendar.officialHolidays).get(day);
  if (holiday) return { date: day, kind: 'bank-holiday', name: holiday.name, substitute: holiday.substitute };
  const closure = calendar.closures.find((entry) => entry.date === day);
  if (closure)
    return closure.name ? { date: day, kind: 'closure', name: closure.name } : { date: day, kind: 'closure' };
  return undefined;
}

/** The reason in words: "weekend", "Christmas Day", "Boxing Day (substitute day)", "organisation closure: …". */
export function describeNonWorkingDay(day: NonWorkingDay): string {
  switch (day.kind) {
    case 'weekend':
      return 'weekend';
    case 'bank-holiday':
      return day.substitute ? `${day.name} (substitute day)` : day.name;
    case 'closure':
      return day.name ? `organisation closure: ${day.name}` : 'organisation closure';
    case 'addition':
      return day.name;
  }
}

/** Why the date is not a working day in words, or undefined when it is one. */
export function nonWorkingReason(date: Date | CalendarDate, calendar: CalendarSettings): string | undefined {
  const day = nonWorkingDay(date, calendar);
  return day && describeNonWorkingDay(day);
}

export function isWorkingDay(date: Date | CalendarDate, calendar: CalendarSettings): boolean {
  return nonWorkingDay(date, calendar) === undefined;
}

/**
 * The Nth working day after the date (counted from the calendar date itself,
 * even when that is not a working day). 0 gives the date back.
 */
export function addWorkingDays(
  date: Date | CalendarDate,
  days: number,
  calendar: CalendarSettings,
): CalendarDate {
  let day = toCalendarDate(date);
  for (let counted = 0; counted < days; ) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(day, calendar)) counted += 1;
  }
  return day;
}

/** The first working day on or after the date. */
export function nextWorkingDay(date: CalendarDate, calendar: CalendarSettings): CalendarDate {
  let day = date;
  while (!isWorkingDay(day, calendar)) day = addCalendarDays(day, 1);
  return day;
}

/** How many working days fall after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(
  from: Date | CalendarDate,
  to: Date | CalendarDate,
  calendar: CalendarSettings,
): number {
  const last = toCalendarDate(to);
  let count = 0;
  for (let day = addCalendarDays(toCalendarDate(from), 1); day <= last; day = addCalendarDays(day, 1)) {
    if (isWorkingDay(day, calendar)) count += 1;
  }
  return count;
}

/** The non-working days strictly between two dates, in order. */
export function nonWorkingDaysBetween(
  from: CalendarDate,
  to: CalendarDate,
  calendar: CalendarSettings,
): NonWorkingDay[] {
  const days: NonWorkingDay[] = [];
  for (let day = addCalendarDays(from, 1); day < to; day = addCalendarDays(day, 1)) {
    const reason = nonWorkingDay(day, calendar);
    if (reason) days.push(reason);
  }
  return days;
}
