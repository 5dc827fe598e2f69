import { bankHolidays, type HolidaySource, type OfficialBankHolidays } from './holidays';
import {
  addCalendarDays,
  type CalendarDate,
  dateOfDayNumber,
  dayNumber,
  isWeekend,
  londonDate,
  londonDayNumber,
  yearOf,
} from './london';
import type { CalendarSettings } from './settings';

/** Why a date is not a working day, in structured form. */
export type NonWorkingDay =
  | { date: CalendarDate; kind: 'weekend' }
  | { date: CalendarDate; kind: 'bank-holiday'; name: string; substitute: boolean; source: HolidaySource }
  | { date: CalendarDate; kind: 'closure'; name?: string }
  | { date: CalendarDate; kind: 'addition'; name: string };

function toCalendarDate(date: Date | CalendarDate): CalendarDate {
  return typeof date === 'string' ? date : londonDate(date);
}

function toDayNumber(date: Date | CalendarDate): number {
  return typeof date === 'string' ? dayNumber(date) : londonDayNumber(date);
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
  if (holiday) {
    const { name, substitute, source } = holiday;
    return { date: day, kind: 'bank-holiday', name, substitute, source };
  }
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

/**
 * One calendar's working days, a year at a time: which days of the year are
 * working days, and how many working days come before each. Deadlines, states
 * and alerts over thousands of escalations ask about the same few hundred
 * dates, so each year is worked out once (from `nonWorkingDay`, the one rule)
 * and every question after that is a lookup.
 */
interface WorkingYear {
  /** The day number (./london dayNumber) of 1 January. */
  first: number;
  working: Uint8Array;
  /** `before[i]`: how many of the year's first `i` days are working days. */
  before: Uint16Array;
}

class WorkingDays {
  private readonly years = new Map<number, WorkingYear>();

  constructor(private readonly calendar: CalendarSettings) {}

  private year(year: number): WorkingYear {
    let found = this.years.get(year);
    if (!found) {
      const first = dayNumber(`${String(year).padStart(4, '0')}-01-01`);
      const length = dayNumber(`${String(year + 1).padStart(4, '0')}-01-01`) - first;
      const working = new Uint8Array(length);
      const before = new Uint16Array(length + 1);
      for (let index = 0; index < length; index++) {
        working[index] = nonWorkingDay(dateOfDayNumber(first + index), this.calendar) ? 0 : 1;
        before[index + 1] = (before[index] ?? 0) + (working[index] ?? 0);
      }
      found = { first, working, before };
      this.years.set(year, found);
    }
    return found;
  }

  private last: WorkingYear | undefined;

  private yearOfDay(day: number): WorkingYear {
    const { last } = this;
    if (last && day >= last.first && day < last.first + last.working.length) return last;
    this.last = this.year(yearOf(dateOfDayNumber(day)));
    return this.last;
  }

  isWorking(day: number): boolean {
    const year = this.yearOfDay(day);
    return year.working[day - year.first] === 1;
  }

  /** How many working days fall up to and including `day`, counted from 1 January of `sinceYear`. */
  private countThrough(day: number, sinceYear: number): number {
    const year = this.yearOfDay(day);
    let count = year.before[day - year.first + 1] ?? 0;
    for (let earlier = sinceYear; this.year(earlier).first < year.first; earlier++) {
      const whole = this.year(earlier);
      count += whole.before[whole.working.length] ?? 0;
    }
    return count;
  }

  /** How many working days fall after `from` up to and including `to`. */
  between(from: number, to: number): number {
    if (to <= from) return 0;
    const since = yearOf(dateOfDayNumber(from));
    return this.countThrough(to, since) - this.countThrough(from, since);
  }
}

// Calendars arrive as new objects (each `calendarFor` makes one), so they are
// told apart by what decides their working days; an imported official list by
// its identity, as it is never changed once read.
const officialIds = new WeakMap<OfficialBankHolidays, number>();
let officialLists = 0;
const byCalendar = new Map<string, WorkingDays>();
// The same calendar object is often asked about many times over (every row of the popup's list
// shares one), so it is found by identity first, without building its key. Calendars, like
// the settings they come from, are never changed in place.
const bySameObject = new WeakMap<CalendarSettings, WorkingDays>();

function workingDaysOf(calendar: CalendarSettings): WorkingDays {
  const known = bySameObject.get(calendar);
  if (known) return known;
  const { officialHolidays: official } = calendar;
  if (official && !officialIds.has(official)) officialIds.set(official, ++officialLists);
  const key = JSON.stringify([
    calendar.region,
    official ? officialIds.get(official) : 0,
    calendar.closures,
    calendar.additions,
    calendar.removals,
  ]);
  let found = byCalendar.get(key);
  if (!found) {
    if (byCalendar.size >= 50) byCalendar.clear();
    found = new WorkingDays(calendar);
    byCalendar.set(key, found);
  }
  bySameObject.set(calendar, found);
  return found;
}

export function isWorkingDay(date: Date | CalendarDate, calendar: CalendarSettings): boolean {
  return workingDaysOf(calendar).isWorking(toDayNumber(date));
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
  const start = toCalendarDate(date);
  if (days <= 0) return start;
  const working = workingDaysOf(calendar);
  let day = dayNumber(start);
  for (let counted = 0; counted < days; ) {
    day += 1;
    if (working.isWorking(day)) counted += 1;
  }
  return dateOfDayNumber(day);
}

/** The first working day on or after the date. */
export function nextWorkingDay(date: CalendarDate, calendar: CalendarSettings): CalendarDate {
  const working = workingDaysOf(calendar);
  let day = dayNumber(date);
  if (working.isWorking(day)) return date;
  while (!working.isWorking(day)) day += 1;
  return dateOfDayNumber(day);
}

/** How many working days fall after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(
  from: Date | CalendarDate,
  to: Date | CalendarDate,
  calendar: CalendarSettings,
): number {
  return workingDaysOf(calendar).between(toDayNumber(from), toDayNumber(to));
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
