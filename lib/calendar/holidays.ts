import { type Problem, parseJson } from '../policy/parse';
import type { UkRegion } from '../policy/schema';
import * as z from '../schema/zod';
import gbHolidays from './gb-holidays.json' with { type: 'json' };
import { type CalendarDate, yearOf } from './london';

/**
 * Where a bank holiday came from: GOV.UK's list as imported by the
 * organisation, GOV.UK's list shipped with the extension, or date-holidays'
 * rules (years neither list covers).
 */
export type HolidaySource = 'imported-govuk-list' | 'govuk-list' | 'date-holidays-rules';

/** A bank holiday as the calendar shows it: "Boxing Day", substitute day or not, and its source. */
export interface BankHoliday {
  date: CalendarDate;
  name: string;
  substitute: boolean;
  source: HolidaySource;
}

/** The source in words, for "How this deadline was worked out": "from GOV.UK’s list". */
export function holidaySourceInWords(source: HolidaySource): string {
  switch (source) {
    case 'imported-govuk-list':
      return 'from GOV.UK’s list as imported';
    case 'govuk-list':
      return 'from GOV.UK’s list';
    case 'date-holidays-rules':
      return 'from date-holidays’ rules';
  }
}

/**
 * Bank holidays by region and year, as scripts/extract-gb-holidays.mjs writes
 * them (its comment gives the encoding): a year's days are `everyYear`'s and
 * its own, each "MMDD", a letter naming it, and "*" for a substitute day.
 */
interface HolidayTable {
  source: string;
  names: string[];
  regions: Record<UkRegion, { everyYear: string; years: Record<string, string> }>;
}
/** GOV.UK's list, compacted from lib/calendar/govuk-bank-holidays.json (Crown copyright, Open Government Licence v3.0). */
const govukTable: HolidayTable = gbHolidays.govukList;
/** date-holidays' rules, for the years of 2000–2099 GOV.UK's list does not cover. */
const rulesTable: HolidayTable & { firstYear: number; lastYear: number } = gbHolidays.rules;

/** The years the built-in rules table covers; outside them only an official list or the organisation's additions apply. */
export const builtInHolidayYears = { first: rulesTable.firstYear, last: rulesTable.lastYear } as const;

const NAME_LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DAY = /(\d\d)(\d\d)([a-zA-Z])(\*?)/g;

/**
 * The official GOV.UK list (https://www.gov.uk/bank-holidays.json), which an
 * organisation may import so that a year's bank holidays follow it exactly.
 */
const officialEventSchema = z.object({
  title: z.string().check(z.trim(), z.minLength(1, 'must not be empty')),
  date: z.iso.date({ message: 'must be a date written YYYY-MM-DD' }),
  notes: z._default(z.string(), ''),
  bunting: z.optional(z.boolean()),
});
const officialDivisionSchema = z.object({
  division: z.string(),
  events: z.array(officialEventSchema),
});
export const officialBankHolidaysSchema = z
  .object({
    'england-and-wales': z.optional(officialDivisionSchema),
    scotland: z.optional(officialDivisionSchema),
    'northern-ireland': z.optional(officialDivisionSchema),
  })
  .check(
    z.refine((list) => Object.values(list).some((division) => division !== undefined), {
      message: 'must list at least one of england-and-wales, scotland or northern-ireland',
    }),
  );
export type OfficialBankHolidays = z.infer<typeof officialBankHolidaysSchema>;

/** Reads the official list from JSON text or a parsed value; never throws. */
export function parseOfficialBankHolidays(
  json: unknown,
): { ok: true; holidays: OfficialBankHolidays } | { ok: false; problems: Problem[] } {
  const result = parseJson(officialBankHolidaysSchema, json);
  return result.ok ? { ok: true, holidays: result.value } : result;
}

/** The years the shipped GOV.UK list covers (in every region). */
export const govukHolidayYears = (() => {
  const years = Object.values(govukTable.regions).flatMap((region) => Object.keys(region.years).map(Number));
  return { first: Math.min(...years), last: Math.max(...years) } as const;
})();

/** The years an official list gives bank holidays for, in each region it covers, oldest first. */
export function officialHolidayYears(
  official: OfficialBankHolidays,
): { region: UkRegion; years: number[] }[] {
  return (['england-and-wales', 'scotland', 'northern-ireland'] as const).flatMap((region) => {
    const events = official[region]?.events ?? [];
    if (events.length === 0) return [];
    return [{ region, years: [...new Set(events.map((event) => yearOf(event.date)))].sort((a, b) => a - b) }];
  });
}

/** Years as runs, e.g. "2018–2020 and 2022". */
export function yearsInWords(years: readonly number[]): string {
  const runs: string[] = [];
  let first = years[0];
  years.forEach((year, index) => {
    const next = years[index + 1];
    if (first === undefined || next === year + 1) return;
    runs.push(first === year ? String(year) : `${first}–${year}`);
    first = next;
  });
  if (runs.length <= 2) return runs.join(' and ');
  return `${runs.slice(0, -1).join(', ')} and ${runs.at(-1)}`;
}

// Deadline arithmetic asks about the same few years constantly, so each table's region and year is decoded once.
const decoded = new Map<string, Map<CalendarDate, BankHoliday> | undefined>();

/** A built-in table's holidays for a region and year, or undefined when the table does not hold that year. */
function fromTable(
  table: HolidayTable,
  year: number,
  region: UkRegion,
  source: HolidaySource,
): Map<CalendarDate, BankHoliday> | undefined {
  const key = `${source}:${region}:${year}`;
  if (decoded.has(key)) return decoded.get(key);
  const { everyYear, years } = table.regions[region];
  const days = years[String(year)];
  let holidays: Map<CalendarDate, BankHoliday> | undefined;
  if (days !== undefined) {
    const entries = [...`${everyYear}${days}`.matchAll(DAY)].map(([, month, day, letter, star]) => ({
      date: `${year}-${month}-${day}`,
      name: table.names[NAME_LETTERS.indexOf(letter ?? '')] ?? 'Bank holiday',
      substitute: star === '*',
      source,
    }));
    holidays = new Map(
      entries.sort((a, b) => a.date.localeCompare(b.date)).map((entry) => [entry.date, entry]),
    );
  }
  decoded.set(key, holidays);
  return holidays;
}

const NONE: ReadonlyMap<CalendarDate, BankHoliday> = new Map();

const officialByYear = new WeakMap<OfficialBankHolidays, Map<string, Map<CalendarDate, BankHoliday>>>();

/** The official list's holidays for a region and year, or undefined when the list does not cover that year. */
function fromOfficialList(
  official: OfficialBankHolidays,
  year: number,
  region: UkRegion,
  source: HolidaySource,
): Map<CalendarDate, BankHoliday> | undefined {
  let cache = officialByYear.get(official);
  if (!cache) {
    cache = new Map();
    for (const [division, list] of Object.entries(official)) {
      for (const event of list?.events ?? []) {
        const key = `${division}:${yearOf(event.date)}`;
        const holidays = cache.get(key) ?? new Map<CalendarDate, BankHoliday>();
        holidays.set(event.date, {
          date: event.date,
          name: event.title,
          substitute: /substitute/i.test(event.notes),
          source,
        });
        cache.set(key, holidays);
      }
    }
    officialByYear.set(official, cache);
  }
  return cache.get(`${region}:${year}`);
}

/**
 * The bank holidays of a UK region in a year. Where an imported official list
 * has any event for that region and year, it is the authority for the whole
 * year; then GOV.UK's list as shipped, for the years it covers; beyond both,
 * date-holidays' rules table (none outside its years).
 */
export function bankHolidays(
  year: number,
  region: UkRegion,
  official?: OfficialBankHolidays,
): ReadonlyMap<CalendarDate, BankHoliday> {
  return (
    (official && fromOfficialList(official, year, region, 'imported-govuk-list')) ??
    fromTable(govukTable, year, region, 'govuk-list') ??
    fromTable(rulesTable, year, region, 'date-holidays-rules') ??
    NONE
  );
}
