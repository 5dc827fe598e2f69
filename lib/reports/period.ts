import { addCalendarDays, type CalendarDate, formatDate, londonDate } from '../calendar/london';
import * as z from '../schema/zod';

/**
 * A returns period: whole UK dates, first and last day included. Which period
 * an escalation belongs to is read from the London date it started on, so a
 * difference of opinion that started at 23:30 on 31 March counts in the
 * quarter ending that day whatever the machine's zone.
 */

const isoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });

export const periodSchema = z.object({ from: isoDate, to: isoDate }).check(
  z.refine((period) => period.from <= period.to, {
    message: 'the period must end on or after the day it starts',
    path: ['to'],
  }),
);
export type Period = z.infer<typeof periodSchema>;

export const periodChoiceSchema = z.enum(['this-quarter', 'last-quarter', 'this-year', 'custom']);
export type PeriodChoice = z.infer<typeof periodChoiceSchema>;

const twoDigits = (value: number) => String(value).padStart(2, '0');
const dateOf = (year: number, month: number, day: number): CalendarDate =>
  `${String(year).padStart(4, '0')}-${twoDigits(month)}-${twoDigits(day)}`;

/** The last day of a month (1–12), as a date. */
function lastDayOf(year: number, month: number): CalendarDate {
  return month === 12 ? dateOf(year, 12, 31) : addCalendarDays(dateOf(year, month + 1, 1), -1);
}

/** The calendar quarter (January–March, April–June, …) holding a date, `offset` quarters away. */
function quarterOf(date: CalendarDate, offset: number): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const index = year * 4 + Math.floor((month - 1) / 3) + offset;
  const quarterYear = Math.floor(index / 4);
  const firstMonth = (index - quarterYear * 4) * 3 + 1;
  return {
    from: dateOf(quarterYear, firstMonth, 1),
    to: lastDayOf(quarterYear, firstMonth + 2),
  };
}

/** The period a choice means on the UK date `now` falls on; 'custom' takes the dates given. */
export function periodFor(choice: PeriodChoice, now: Date, custom?: Period): Period {
  const today = londonDate(now);
  switch (choice) {
    case 'this-quarter':
      return quarterOf(today, 0);
    case 'last-quarter':
      return quarterOf(today, -1);
    case 'this-year':
      return { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` };
    case 'custom':
      return custom ?? quarterOf(today, 0);
  }
}

/** Whether a UK date falls in the period. */
export const inPeriod = (date: CalendarDate, period: Period) => date >= period.from && date <= period.to;

/** "Thu 1 Oct 2026 to Thu 31 Dec 2026". */
export const describePeriod = (period: Period) => `${formatDate(period.from)} to ${formatDate(period.to)}`;

/**
 * A calendar date some whole months later, on the same day of the month or
 * the month's last day when it is shorter (31 January + 1 month = 28 February).
 */
export function addCalendarMonths(date: CalendarDate, months: number): CalendarDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const last = lastDayOf(targetYear, targetMonth);
  return day > Number(last.slice(8, 10)) ? last : dateOf(targetYear, targetMonth, day);
}
