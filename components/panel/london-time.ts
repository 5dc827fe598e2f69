import { clockTimeToMs, formatTime, londonDate, londonInstant } from '@/lib/calendar';

/**
 * Practitioners enter times as London wall-clock date and time, whatever the
 * machine's zone; these convert between an instant and the two form fields.
 */

export interface LondonFields {
  /** YYYY-MM-DD, as a date input gives it. */
  date: string;
  /** HH:MM, as a time input gives it. */
  time: string;
}

export function londonFieldsOf(instant: Date): LondonFields {
  return { date: londonDate(instant), time: formatTime(instant) };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const NOON = 12 * 3_600_000;

/** A real calendar date written YYYY-MM-DD (not 31 June). */
export function isCalendarDate(date: string): boolean {
  return DATE.test(date) && londonDate(londonInstant(date, NOON)) === date;
}

/** The instant London clocks show the given date and time; undefined when either is not a real date or time. */
export function instantFromLondonFields({ date, time }: LondonFields): Date | undefined {
  if (!isCalendarDate(date) || !TIME.test(time)) return undefined;
  return londonInstant(date, clockTimeToMs(time));
}
