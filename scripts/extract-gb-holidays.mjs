#!/usr/bin/env node
/**
 * Writes lib/calendar/gb-holidays.json, the bank holidays the extension
 * ships, as two compact tables:
 * - `govukList`: GOV.UK's list (lib/calendar/govuk-bank-holidays.json, kept
 *   exactly as fetched: Crown copyright, Open Government Licence v3.0), the
 *   authority for the years it covers;
 * - `rules`: the bank holidays of each UK region for the other years of
 *   2000–2099, worked out here, at development time, by date-holidays from its
 *   Great Britain rules (public and bank holidays only, never observances;
 *   substitute days included). The years GOV.UK's list covers in a region are
 *   left out: lib/calendar never consults the rules for them.
 *
 * Why tables and not date-holidays at run time: even with only GB's rules, its
 * parser pulls moment-timezone's whole zone database and astronomical tables
 * into the bundle (about 1.2 MB minified). Why not GOV.UK's JSON as it is: it
 * repeats every key for every event, and every extension page loads it.
 *
 * The encoding (decoded by lib/calendar/holidays.ts): per region, `years`
 * maps a year to its days, and `everyYear` holds the days that fall in every
 * one of those years. A day is month and day (MMDD), a letter for its name
 * (a is names[0], b names[1], … z, then A–Z), and `*` when it is a
 * substitute day: "1227g*" is 27 December, names[6], substitute day.
 *
 * Run after upgrading date-holidays or updating GOV.UK's list:
 *   node scripts/extract-gb-holidays.mjs && npx biome format --write lib/calendar/gb-holidays.json
 * With --print it writes the JSON to stdout instead (the freshness test uses this).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Holidays from 'date-holidays';
import dateHolidaysPackage from 'date-holidays/package.json' with { type: 'json' };

const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;
// date-holidays' states of GB; Wales shares England's bank holidays, so England stands for both.
const STATES = { 'england-and-wales': 'ENG', scotland: 'SCT', 'northern-ireland': 'NIR' };
const NAME_LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const target = fileURLToPath(new URL('../lib/calendar/gb-holidays.json', import.meta.url));
const govuk = JSON.parse(
  readFileSync(new URL('../lib/calendar/govuk-bank-holidays.json', import.meta.url), 'utf8'),
);

/** A table of `days` (region → year → [{ monthDay, name, substitute }], in date order), encoded. */
function compact(source, days, about = {}) {
  const names = [];
  const nameIndex = (name) => {
    if (!names.includes(name)) names.push(name);
    const letter = NAME_LETTERS[names.indexOf(name)];
    if (letter === undefined) throw new Error(`more names than ${NAME_LETTERS.length} letters can index`);
    return letter;
  };
  const regions = {};
  for (const [region, byYear] of Object.entries(days)) {
    const years = Object.fromEntries(
      Object.entries(byYear).map(([year, list]) => [
        year,
        list.map((day) => `${day.monthDay}${nameIndex(day.name)}${day.substitute ? '*' : ''}`),
      ]),
    );
    const lists = Object.values(years);
    const everyYear = (lists[0] ?? []).filter((day) => lists.every((list) => list.includes(day)));
    regions[region] = {
      everyYear: everyYear.join(''),
      years: Object.fromEntries(
        Object.entries(years).map(([year, list]) => [
          year,
          list.filter((day) => !everyYear.includes(day)).join(''),
        ]),
      ),
    };
  }
  return { source, ...about, names, regions };
}

const monthDay = (date) => date.slice(5, 10).replace('-', '');

const listed = {};
for (const region of Object.keys(STATES)) {
  listed[region] = {};
  for (const event of govuk[region]?.events ?? []) {
    const year = event.date.slice(0, 4);
    listed[region][year] ??= [];
    listed[region][year].push({
      monthDay: monthDay(event.date),
      name: event.title,
      // As lib/calendar read the list before it was compacted: a substitute day says so in its notes.
      substitute: /substitute/i.test(event.notes),
    });
  }
}

const ruled = {};
for (const [region, state] of Object.entries(STATES)) {
  const holidays = new Holidays('GB', state, { languages: ['en'], types: ['public', 'bank'] });
  ruled[region] = {};
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
    if (listed[region][year]) continue;
    // One holiday a date, the last date-holidays gives; a substitute day is named "… (substitute day)".
    const byDate = new Map(
      holidays.getHolidays(year, 'en').map((holiday) => [holiday.date.slice(0, 10), holiday.name]),
    );
    ruled[region][year] = [...byDate].map(([date, name]) => ({
      monthDay: monthDay(date),
      name: name.replace(/ \(substitute day\)$/, ''),
      substitute: / \(substitute day\)$/.test(name),
    }));
  }
}

const tables = {
  govukList: compact(
    'GOV.UK, gov.uk/bank-holidays.json (lib/calendar/govuk-bank-holidays.json): Crown copyright, Open Government Licence v3.0',
    listed,
  ),
  rules: compact(`date-holidays ${dateHolidaysPackage.version} (data licence CC BY-SA 3.0)`, ruled, {
    firstYear: FIRST_YEAR,
    lastYear: LAST_YEAR,
  }),
};
const json = `${JSON.stringify(tables, null, 2)}\n`;

if (process.argv.includes('--print')) process.stdout.write(json);
else writeFileSync(target, json);
