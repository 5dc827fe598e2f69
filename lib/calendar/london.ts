import { TZDate } from '@date-fns/tz';

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
  return dateOfDayNumber(londonDayNumber(instant));
}

/** The day number (./dayNumber) of the London date on which an instant falls. */
export function londonDayNumber(instant: Date): number {
  return Math.floor((instant.getTime() + londonOffset(instant.getTime())) / MS_PER_DAY);
}

/** Milliseconds since London midnight shown on the clock at an instant. */
export function londonTimeOfDay(instant: Date): number {
  const wall = instant.getTime() + londonOffset(instant.getTime());
  return ((wall % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
}

/**
 * London's offset all through a date, or undefined on a day the clocks change.
 * Changes are months apart, so one offset at both ends of the widest span the
 * day can cover in UTC holds all day.
 */
function steadyOffset(midnight: number): number | undefined {
  const offset = londonOffset(midnight - 3 * MS_PER_HOUR);
  return offset === londonOffset(midnight + 27 * MS_PER_HOUR) ? offset : undefined;
}

/** The instant at which London clocks show `timeOfDay` (ms since midnight) on `date`. */
export function londonInstant(date: CalendarDate, timeOfDay: number): Date {
  // Deadlines are built thousands of times over; only a clock-change day needs the time-zone library.
  const midnight = utcMidnight(date);
  const offset = timeOfDay >= 0 && timeOfDay < MS_PER_DAY ? steadyOffset(midnight) : undefined;
  if (offset !== undefined) return new Date(midnight + timeOfDay - offset);
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
  // Read by position when written YYYY-MM-DD, as it nearly always is: splitting costs more.
  if (date.length === 10 && date[4] === '-' && date[7] === '-') {
    return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8)));
  }
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

/** Days since 1 Jan 1970, for counting: consecutive dates have consecutive numbers. */
export function dayNumber(date: CalendarDate): number {
  return utcMidnight(date) / MS_PER_DAY;
}

// Deadline arithmetic comes back to the same few hundred dates, and writing one out costs more than looking it up.
const dateByDayNumber = new Map<number, CalendarDate>();

/** The date of a day number (./dayNumber). */
export function dateOfDayNumber(day: number): CalendarDate {
  let date = dateByDayNumber.get(day);
  if (date === undefined) {
    date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (dateByDayNumber.size > 100_000) dateByDayNumber.clear();
    dateByDayNumber.set(day, date);
  }
  return date;
}

export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
function dayOfWeek(date: CalendarDate): number {
  return new Date(utcMidnight(date)).getUTCDay();
}

export function isWeekend(date: CalendarDate): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const twoDigits = (value: number) => String(value).padStart(2, '0');

// Written out by hand rather than with date-fns' `format`: the popup writes
// thousands of dates at once, and this is many times faster, with the same text.
function dayWords(day: number, withYear: boolean): string {
  if (!Number.isFinite(day)) throw new RangeError('Invalid time value');
  const date = new Date(day * MS_PER_DAY);
  const words = `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
  return withYear ? `${words} ${String(date.getUTCFullYear()).padStart(4, '0')}` : words;
}

function timeWords(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid time value');
  const minutes = Math.floor(londonTimeOfDay(instant) / MS_PER_MINUTE);
  return `${twoDigits(Math.floor(minutes / 60))}:${twoDigits(minutes % 60)}`;
}

const dayOf = (date: Date | CalendarDate) =>
  typeof date === 'string' ? dayNumber(date) : londonDayNumber(date);

/** "Tue 3 Nov 2026, 17:00" in London time. */
export function formatDateTime(date: Date): string {
  return `${dayWords(londonDayNumber(date), true)}, ${timeWords(date)}`;
}

/** "Tue 3 Nov 2026"; takes an instant (read in London) or a calendar date. */
export function formatDate(date: Date | CalendarDate): string {
  return dayWords(dayOf(date), true);
}

/** "Tue 3 Nov", for lists where the year is already clear. */
export function formatShortDate(date: Date | CalendarDate): string {
  return dayWords(dayOf(date), false);
}

/** "17:00" in London time. */
export function formatTime(date: Date): string {
  return timeWords(date);
}
