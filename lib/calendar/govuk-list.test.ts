import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { panBerkshirePolicy } from '../policy/pan-berkshire';
import type { UkRegion } from '../policy/schema';
import { explainStepDeadline, stepDeadlines } from './deadlines';
import { bankHolidays, govukHolidayYears, parseOfficialBankHolidays } from './holidays';

const shipped = JSON.parse(readFileSync('lib/calendar/govuk-bank-holidays.json', 'utf8')) as Record<
  UkRegion,
  { events: { title: string; date: string; notes: string }[] }
>;
const SHARED = '../shared/data/govuk-bank-holidays.json';
const REGIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;

// Worked out here without lib/calendar, so the deadlines below are checked against GOV.UK's list itself.
const utcDay = (date: string) => new Date(`${date}T12:00:00Z`);
const nextDate = (date: string) => new Date(utcDay(date).getTime() + 86_400_000).toISOString().slice(0, 10);
const isWeekend = (date: string) => [0, 6].includes(utcDay(date).getUTCDay());
const londonParts = (instant: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(instant)
    .replace(/^(\d\d)\/(\d\d)\/(\d{4}), /, '$3-$2-$1 ');

describe('GOV.UK’s bank-holiday list, shipped', () => {
  it.skipIf(!existsSync(SHARED))('is the shared copy of GOV.UK’s list, unchanged', () => {
    expect(shipped).toEqual(JSON.parse(readFileSync(SHARED, 'utf8')));
  });

  it('holds every region for 2019–2028, as its README counts them', () => {
    expect(govukHolidayYears).toEqual({ first: 2019, last: 2028 });
    expect(REGIONS.map((region) => shipped[region].events.length)).toEqual([83, 94, 103]);
  });

  it('is shipped compacted (gb-holidays.json), which decodes to exactly its events, region by region', () => {
    for (const region of REGIONS) {
      const years = [...new Set(shipped[region].events.map((event) => Number(event.date.slice(0, 4))))];
      const decoded = years.flatMap((year) =>
        [...bankHolidays(year, region).values()].map(({ date, name, substitute }) => ({
          date,
          name,
          substitute,
        })),
      );
      const listed = shipped[region].events.map((event) => ({
        date: event.date,
        name: event.title,
        substitute: /substitute/i.test(event.notes),
      }));
      expect(decoded).toEqual([...listed].sort((a, b) => a.date.localeCompare(b.date)));
      // Either side of the list, the rules decide.
      for (const year of [govukHolidayYears.first - 1, govukHolidayYears.last + 1]) {
        const sources = [...bankHolidays(year, region).values()].map((holiday) => holiday.source);
        expect(sources.length).toBeGreaterThan(0);
        expect(new Set(sources)).toEqual(new Set(['date-holidays-rules']));
      }
    }
  });

  it('decides every bank holiday of the years it covers, one-off holidays included', () => {
    for (const region of REGIONS) {
      for (const event of shipped[region].events) {
        const holiday = bankHolidays(Number(event.date.slice(0, 4)), region).get(event.date);
        expect(holiday).toEqual({
          date: event.date,
          name: event.title,
          substitute: /substitute/i.test(event.notes),
          source: 'govuk-list',
        });
      }
      for (let year = 2019; year <= 2028; year++) {
        const listed = shipped[region].events.filter((event) => event.date.startsWith(`${year}-`)).length;
        expect(bankHolidays(year, region).size).toBe(listed);
      }
    }
    expect(bankHolidays(2026, 'scotland').get('2026-06-15')?.name).toBe('World Cup bank holiday');
    expect(bankHolidays(2026, 'england-and-wales').has('2026-06-15')).toBe(false);
  });

  it('moves Scotland’s deadlines past the World Cup bank holiday of 15 Jun 2026', () => {
    const scotland = { region: 'scotland' } as const;
    const startedAt = new Date('2026-06-12T09:30:00Z');
    const due = stepDeadlines(startedAt, panBerkshirePolicy, scotland).map(
      (deadline) => `${deadline.stepId} ${londonParts(deadline.dueAt)}`,
    );
    expect(due).toEqual([
      '1a 2026-06-16 17:00',
      '1b 2026-06-17 17:00',
      '2 2026-06-18 17:00',
      '3 2026-06-19 17:00',
      '4 2026-06-23 17:00',
    ]);
    expect(explainStepDeadline('1a', startedAt, panBerkshirePolicy, scotland)?.sentence).toBe(
      '1 working day from Fri 12 Jun 2026: skips the weekend and Mon 15 Jun (World Cup bank holiday, from GOV.UK’s list). Due Tue 16 Jun 2026, 17:00.',
    );
  });

  it('gives way to an imported list for the years that list covers', () => {
    const imported = parseOfficialBankHolidays({
      scotland: {
        division: 'scotland',
        events: [{ title: 'Later proclaimed holiday', date: '2026-06-16', notes: '' }],
      },
    });
    if (!imported.ok) throw new Error('the sample should parse');
    const holidays = bankHolidays(2026, 'scotland', imported.holidays);
    expect([...holidays.keys()]).toEqual(['2026-06-16']);
    expect(holidays.get('2026-06-16')?.source).toBe('imported-govuk-list');
    expect(bankHolidays(2027, 'scotland', imported.holidays).get('2027-01-01')?.source).toBe('govuk-list');
  });
});

describe('every region’s deadlines across 2019–2028', () => {
  // Each weekday bank holiday, with the difference of opinion starting on the working day before it.
  it.each(REGIONS)('%s: every step is due on the Nth working day of GOV.UK’s list', (region) => {
    const holidays = new Set(shipped[region].events.map((event) => event.date));
    const isWorking = (date: string) => !isWeekend(date) && !holidays.has(date);
    const calendar = { region };
    let checked = 0;
    // Holidays late in 2028 are left out: their deadlines reach 2029, beyond the list.
    const weekdayHolidays = shipped[region].events.filter(
      (event) => !isWeekend(event.date) && event.date < '2028-12-01',
    );
    for (const holiday of weekdayHolidays) {
      let start = new Date(utcDay(holiday.date).getTime() - 86_400_000).toISOString().slice(0, 10);
      while (!isWorking(start))
        start = new Date(utcDay(start).getTime() - 86_400_000).toISOString().slice(0, 10);
      // 10:30 in London, in winter or summer time.
      const startedAt = new Date(`${start}T10:30:00Z`);
      startedAt.setUTCHours(Number(londonParts(startedAt).slice(11, 13)) === 11 ? 9 : 10);
      for (const deadline of stepDeadlines(startedAt, panBerkshirePolicy, calendar)) {
        const step = panBerkshirePolicy.steps.find((candidate) => candidate.id === deadline.stepId);
        const amount = step?.timescale.duration.unit === 'working-days' ? step.timescale.duration.amount : 0;
        let expected = start;
        for (let counted = 0; counted < amount; ) {
          expected = nextDate(expected);
          if (isWorking(expected)) counted++;
        }
        expect(`${holiday.date} ${deadline.stepId} ${londonParts(deadline.dueAt)}`).toBe(
          `${holiday.date} ${deadline.stepId} ${expected} 17:00`,
        );
        checked++;
      }
      const explained = explainStepDeadline('1a', startedAt, panBerkshirePolicy, calendar)?.sentence;
      expect(explained).toContain(
        `${holiday.title}${/substitute/i.test(holiday.notes) ? ', substitute day' : ''}, from GOV.UK’s list`,
      );
    }
    expect(checked).toBeGreaterThan(300);
  });
});

describe('scripts/compare-bank-holidays.mjs', () => {
  it('prints every weekday where GOV.UK’s list and date-holidays’ rules differ', () => {
    const printed = execFileSync(process.execPath, ['scripts/compare-bank-holidays.mjs'], {
      encoding: 'utf8',
    });
    const lines = printed.trim().split('\n');
    expect(lines).toContain(
      'scotland 2026-06-15: GOV.UK has "World Cup bank holiday"; date-holidays has none',
    );
    expect(lines).toContain(
      'scotland 2028-01-03: GOV.UK calls it "New Year’s Day (substitute day)"; date-holidays "January 2nd (substitute day)"',
    );
    expect(lines).toContain(
      'scotland 2028-01-04: GOV.UK calls it "2nd January (substitute day)"; date-holidays "New Year\'s Day (substitute day)"',
    );
    // Only one working day differs today: every other line is a name.
    expect(lines.filter((line) => / has none$/.test(line))).toEqual([
      'scotland 2026-06-15: GOV.UK has "World Cup bank holiday"; date-holidays has none',
    ]);
    expect(lines).toHaveLength(16);
  });
});
