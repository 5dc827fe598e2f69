import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/**
 * Every deadline is worked out in the policy's zone. Wall-clock times are
 * always built in Europe/London, so neither the machine's zone nor a clock
 * change can move a deadline.
 */
export const LONDON = 'Europe/London';

/** A calendar date in London, written YYYY-MM-DD. */
export type CalendarDate = string;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

const MS_PER_HOUR = 3_600_000;

// London's offset from UTC changes only on whole UTC hours (01:00 UTC), so it
// is worked out once per UTC hour: deadline and alert code asks for London
// dates thousands of times, and each time-zone lookup costs microseconds.
const offsetByHour = new Map<number, number>();

function londonOffset(time: number): number {
  const hour = Math.floor(time / MS_PER_HOUR);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    offset = -new TZDate(hour * MS_PER_HOUR, LONDON).getTimezoneOffset() * MS_PER_MINUTE;
    if (offsetByHour.size > 100_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** The London calendar date on which an instant falls. */
export function londonDate(instant: Date): CalendarDate {
  return new Date(instant.getTime() + londonOffset(instant.getTime())).toISOString().slice(0, 10);
}

/** Milliseconds since London midnight shown on the clock at an instant. */
export function londonTimeOfDay(instant: Date): number {
  const wall = instant.getTime() + londonOffset(instant.getTime());
  return ((wall % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
}

/** The instant at which London clocks show `timeOfDay` (ms since midnight) on `date`. */
export function londonInstant(date: CalendarDate, timeOfDay: number): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const minutes = Math.floor(timeOfDay / MS_PER_MINUTE);
  const rest = timeOfDay - minutes * MS_PER_MINUTE;
  const wall = new TZDate(year, month - 1, day, Math.floor(minutes / 60), minutes % 60, 0, rest, LONDON);
  return new Date(wall.getTime());
}

/** "HH:MM" as milliseconds since midnight. */
export function clockTimeToMs(time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return (hours * 60 + minutes) * MS_PER_MINUTE;
}

// Calendar dates are handled as UTC midnights purely for arithmetic: a date
// has no zone, and UTC days are always 24 hours long.
function utcMidnight(date: CalendarDate): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(utcMidnight(date) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CalendarDate): number {
  return new Date(utcMidnight(date)).getUTCDay();
}

export function isWeekend(date: CalendarDate): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

function asLondon(date: Date | CalendarDate): TZDate {
  return typeof date === 'string'
    ? new TZDate(utcMidnight(date) + 12 * 3_600_000, LONDON)
    : new TZDate(date.getTime(), LONDON);
}

/** "Tue 3 Nov 2026, 17:00" in London time. */
export function formatDateTime(date: Date): string {
  return format(new TZDate(date.getTime(), LONDON), 'EEE d MMM yyyy, HH:mm');
}

/** "Tue 3 Nov 2026"; takes an instant (read in London) or a calendar date. */
export function formatDate(date: Date | CalendarDate): string {
  return format(asLondon(date), 'EEE d MMM yyyy');
}

/** "Tue 3 Nov", for lists where the year is already clear. */
export function formatShortDate(date: Date | CalendarDate): string {
  return format(asLondon(date), 'EEE d MMM');
}

/** "17:00" in London time. */
export function formatTime(date: Date): string {
  return format(new TZDate(date.getTime(), LONDON), 'HH:mm');
}
