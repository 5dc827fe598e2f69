#!/usr/bin/env node
/**
 * Prints every difference between GOV.UK's bank-holiday list as shipped
 * (lib/calendar/govuk-bank-holidays.json, the authority for the years it
 * covers) and what date-holidays' rules give for the same regions and years:
 * a weekday one side has and the other lacks (a working day lost or
 * gained), or a weekday both have under different names. Weekend days are
 * left out: date-holidays lists Christmas on a Saturday as well as its
 * substitute, GOV.UK only the substitute, and neither is a working day. Run it after updating either, to see what the rules would
 * get wrong if the list were not shipped:
 *   node scripts/compare-bank-holidays.mjs
 * It prints one line a difference and exits 0; the unit test holds today's
 * differences to it.
 */
import { readFileSync } from 'node:fs';
import Holidays from 'date-holidays';

const STATES = { 'england-and-wales': 'ENG', scotland: 'SCT', 'northern-ireland': 'NIR' };
const govuk = JSON.parse(
  readFileSync(new URL('../lib/calendar/govuk-bank-holidays.json', import.meta.url), 'utf8'),
);

// GOV.UK writes "New Year’s Day" and marks substitutes in its notes; date-holidays writes
// "New Year's Day (substitute day)". Both are brought to one form so only real differences show.
const SUBSTITUTE = / \(substitute day\)$/;
const sameName = (name) =>
  name
    .replace(/[‘’]/g, "'")
    .replace(SUBSTITUTE, '')
    .replace(/^January 2nd$/, '2nd January')
    .toLowerCase();
const isWeekend = (date) => [0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay());
const govukName = (event) =>
  /substitute/i.test(event.notes) ? `${event.title} (substitute day)` : event.title;

const lines = [];
for (const [region, state] of Object.entries(STATES)) {
  const events = govuk[region]?.events ?? [];
  const years = [...new Set(events.map((event) => Number(event.date.slice(0, 4))))].sort((a, b) => a - b);
  const rules = new Holidays('GB', state, { languages: ['en'], types: ['public', 'bank'] });
  for (const year of years) {
    const fromList = new Map(
      events.filter((e) => e.date.startsWith(`${year}-`)).map((e) => [e.date, govukName(e)]),
    );
    const fromRules = new Map(rules.getHolidays(year, 'en').map((h) => [h.date.slice(0, 10), h.name]));
    const dates = [...new Set([...fromList.keys(), ...fromRules.keys()])].sort();
    for (const date of dates.filter((day) => !isWeekend(day))) {
      const listed = fromList.get(date);
      const ruled = fromRules.get(date);
      if (ruled === undefined)
        lines.push(`${region} ${date}: GOV.UK has "${listed}"; date-holidays has none`);
      else if (listed === undefined)
        lines.push(`${region} ${date}: date-holidays has "${ruled}"; GOV.UK has none`);
      else if (sameName(listed) !== sameName(ruled) || SUBSTITUTE.test(listed) !== SUBSTITUTE.test(ruled))
        lines.push(`${region} ${date}: GOV.UK calls it "${listed}"; date-holidays "${ruled}"`);
    }
  }
}
process.stdout.write(lines.length === 0 ? 'No differences.\n' : `${lines.join('\n')}\n`);
