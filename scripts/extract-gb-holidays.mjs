#!/usr/bin/env node
/**
 * Writes lib/calendar/gb-holidays.json: the bank holidays of each UK region
 * for 2000–2099, worked out here, at development time, by date-holidays from
 * its Great Britain rules (public and bank holidays only, never observances;
 * substitute days included).
 *
 * Why a table and not date-holidays at run time: even with only GB's rules,
 * its parser pulls moment-timezone's whole zone database and astronomical
 * tables into the bundle (about 1.2 MB minified). The table is a few KB.
 *
 * Run after upgrading date-holidays:
 *   node scripts/extract-gb-holidays.mjs && npx biome format --write lib/calendar/gb-holidays.json
 * With --print it writes the JSON to stdout instead (the freshness test uses this).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Holidays from 'date-holidays';
import dateHolidaysPackage from 'date-holidays/package.json' with { type: 'json' };

const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;
// date-holidays' states of GB; Wales shares England's bank holidays, so England stands for both.
const STATES = { 'england-and-wales': 'ENG', scotland: 'SCT', 'northern-ireland': 'NIR' };
const target = fileURLToPath(new URL('../lib/calendar/gb-holidays.json', import.meta.url));

const names = [];
const nameIndex = (name) => {
  if (!names.includes(name)) names.push(name);
  return names.indexOf(name);
};

const regions = {};
for (const [region, state] of Object.entries(STATES)) {
  const holidays = new Holidays('GB', state, { languages: ['en'], types: ['public', 'bank'] });
  regions[region] = {};
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
    // Substitute days are named "… (substitute day)" by date-holidays; lib/calendar relies on that suffix.
    regions[region][year] = Object.fromEntries(
      holidays.getHolidays(year, 'en').map((holiday) => [holiday.date.slice(5, 10), nameIndex(holiday.name)]),
    );
  }
}

const table = {
  source: `date-holidays ${dateHolidaysPackage.version} (data licence CC BY-SA 3.0)`,
  firstYear: FIRST_YEAR,
  lastYear: LAST_YEAR,
  names,
  regions,
};
const json = `${JSON.stringify(table, null, 2)}\n`;

if (process.argv.includes('--print')) process.stdout.write(json);
else writeFileSync(target, json);
