import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bankHolidays,
  builtInHolidayYears,
  type OfficialBankHolidays,
  officialHolidayYears,
  parseOfficialBankHolidays,
  yearsInWords,
} from './holidays';
import { isWeekend } from './london';

/** The bank holidays that fall on weekdays, i.e. the days actually lost. */
function weekdayHolidays(
  year: number,
  region: Parameters<typeof bankHolidays>[1],
  official?: OfficialBankHolidays,
) {
  return [...bankHolidays(year, region, official).values()]
    .filter((holiday) => !isWeekend(holiday.date))
    .map((holiday) => (holiday.substitute ? `${holiday.date} ${holiday.name} (substitute)` : holiday.date));
}

describe('England and Wales bank holidays (GOV.UK lists)', () => {
  it.each([
    [
      2025,
      [
        '2025-01-01',
        '2025-04-18',
        '2025-04-21',
        '2025-05-05',
        '2025-05-26',
        '2025-08-25',
        '2025-12-25',
        '2025-12-26',
      ],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-04-03',
        '2026-04-06',
        '2026-05-04',
        '2026-05-25',
        '2026-08-31',
        '2026-12-25',
        '2026-12-28 Boxing Day (substitute)',
      ],
    ],
    [
      2027,
      [
        '2027-01-01',
        '2027-03-26',
        '2027-03-29',
        '2027-05-03',
        '2027-05-31',
        '2027-08-30',
        '2027-12-27 Christmas Day (substitute)',
        '2027-12-28 Boxing Day (substitute)',
      ],
    ],
    [
      2028,
      [
        '2028-01-03 New Year’s Day (substitute)',
        '2028-04-14',
        '2028-04-17',
        '2028-05-01',
        '2028-05-29',
        '2028-08-28',
        '2028-12-25',
        '2028-12-26',
      ],
    ],
  ])('%i', (year, expected) => {
    expect(weekdayHolidays(year, 'england-and-wales')).toEqual(expected);
  });

  it('names holidays without observances such as Mothering Sunday', () => {
    const names = [...bankHolidays(2026, 'england-and-wales').values()].map((holiday) => holiday.name);
    expect(names).toContain('Good Friday');
    expect(names).toContain('Christmas Day');
    expect(names.some((name) => /mother|father|easter sunday/i.test(name))).toBe(false);
  });
});

describe('Scotland and Northern Ireland', () => {
  it('Scotland has 2 January, St Andrew’s Day with its substitute, an August summer holiday and no Easter Monday', () => {
    expect(weekdayHolidays(2026, 'scotland')).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-04-03',
      '2026-05-04',
      '2026-05-25',
      '2026-06-15',
      '2026-08-03',
      '2026-11-30',
      '2026-12-25',
      '2026-12-28 Boxing Day (substitute)',
    ]);
    expect(bankHolidays(2025, 'scotland').get('2025-12-01')).toEqual({
      date: '2025-12-01',
      name: 'St Andrew’s Day',
      substitute: true,
      source: 'govuk-list',
    });
  });

  it('Northern Ireland has St Patrick’s Day and the Battle of the Boyne, with substitutes', () => {
    const holidays2026 = weekdayHolidays(2026, 'northern-ireland');
    expect(holidays2026).toContain('2026-03-17');
    expect(holidays2026).toContain('2026-07-13 Battle of the Boyne (Orangemen’s Day) (substitute)');
    expect(weekdayHolidays(2027, 'northern-ireland')).toContain('2027-07-12');
    expect(weekdayHolidays(2026, 'england-and-wales')).not.toContain('2026-03-17');
  });
});

const officialSample = {
  'england-and-wales': {
    division: 'england-and-wales',
    events: [
      { title: 'New Year’s Day', date: '2026-01-01', notes: '', bunting: true },
      { title: 'Good Friday', date: '2026-04-03', notes: '', bunting: false },
      { title: 'Easter Monday', date: '2026-04-06', notes: '', bunting: true },
      { title: 'Early May bank holiday', date: '2026-05-04', notes: '', bunting: true },
      { title: 'Spring bank holiday', date: '2026-05-25', notes: '', bunting: true },
      { title: 'Example proclaimed holiday', date: '2026-06-15', notes: 'Extra bank holiday', bunting: true },
      { title: 'Christmas Day', date: '2026-12-25', notes: '', bunting: true },
      { title: 'Boxing Day', date: '2026-12-28', notes: 'Substitute day', bunting: true },
    ],
  },
  scotland: { division: 'scotland', events: [] },
  'northern-ireland': { division: 'northern-ireland', events: [] },
};

describe('the official GOV.UK list', () => {
  const parsed = parseOfficialBankHolidays(JSON.stringify(officialSample));
  if (!parsed.ok) throw new Error('sample should parse');
  const official = parsed.holidays;

  it('is the authority for a year it covers in that region', () => {
    const holidays = bankHolidays(2026, 'england-and-wales', official);
    expect(holidays.get('2026-06-15')?.name).toBe('Example proclaimed holiday');
    // Left out of the sample, so the official list says it is a working day.
    expect(holidays.has('2026-08-31')).toBe(false);
    expect(holidays.get('2026-12-28')).toEqual({
      date: '2026-12-28',
      name: 'Boxing Day',
      substitute: true,
      source: 'imported-govuk-list',
    });
  });

  it('leaves other years and regions to date-holidays', () => {
    expect(bankHolidays(2027, 'england-and-wales', official).has('2027-12-27')).toBe(true);
    expect(bankHolidays(2026, 'scotland', official).has('2026-01-02')).toBe(true);
  });

  it('says which years it covers in each region', () => {
    expect(officialHolidayYears(official)).toEqual([{ region: 'england-and-wales', years: [2026] }]);
    expect(yearsInWords([2018, 2019, 2020, 2022])).toBe('2018–2020 and 2022');
    expect(yearsInWords([2018, 2020, 2021, 2023])).toBe('2018, 2020–2021 and 2023');
    expect(yearsInWords([2026])).toBe('2026');
    expect(yearsInWords([])).toBe('');
  });

  it('reports readable problems', () => {
    const broken = structuredClone(officialSample);
    (broken['england-and-wales'].events[1] as { date: string }).date = '3 April 2026';
    const result = parseOfficialBankHolidays(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual([
        { path: 'england-and-wales.events[1].date', message: 'must be a date written YYYY-MM-DD' },
      ]);
    }
    expect(parseOfficialBankHolidays('{"england-and-wales": ')).toMatchObject({
      ok: false,
      problems: [{ path: '' }],
    });
    expect(parseOfficialBankHolidays({}).ok).toBe(false);
  });
});

describe('gb-holidays.json', () => {
  const tables = JSON.parse(readFileSync('lib/calendar/gb-holidays.json', 'utf8')) as Record<
    'govukList' | 'rules',
    { names: string[]; regions: Record<string, { everyYear: string; years: Record<string, string> }> }
  >;

  it('covers this century, and knows nothing outside it', () => {
    expect(builtInHolidayYears).toEqual({ first: 2000, last: 2099 });
    expect(bankHolidays(2099, 'scotland').size).toBeGreaterThan(0);
    expect(bankHolidays(2100, 'england-and-wales').size).toBe(0);
    expect(bankHolidays(1999, 'northern-ireland').size).toBe(0);
  });

  it('decides the years beyond GOV.UK’s list', () => {
    expect(bankHolidays(2029, 'england-and-wales').get('2029-03-30')).toEqual({
      date: '2029-03-30',
      name: 'Good Friday',
      substitute: false,
      source: 'date-holidays-rules',
    });
    expect(bankHolidays(2018, 'scotland').get('2018-01-02')?.source).toBe('date-holidays-rules');
    expect(bankHolidays(2029, 'northern-ireland').get('2029-07-12')?.name).toBe(
      'Battle of the Boyne (Orangemen’s Day)',
    );
    expect(bankHolidays(2033, 'england-and-wales').get('2033-01-03')).toEqual({
      date: '2033-01-03',
      name: "New Year's Day",
      substitute: true,
      source: 'date-holidays-rules',
    });
  });

  it('holds date-holidays’ rules only for the years GOV.UK’s list leaves out', () => {
    for (const [region, { years }] of Object.entries(tables.rules.regions)) {
      const listed = Object.keys(tables.govukList.regions[region]?.years ?? {});
      expect(listed.length).toBeGreaterThan(0);
      expect(Object.keys(years).filter((year) => listed.includes(year))).toEqual([]);
      expect(Object.keys(years).length + listed.length).toBe(100);
    }
  });

  it('is written in days of MMDD, a name’s letter and "*" for a substitute, every name in use', () => {
    for (const table of Object.values(tables)) {
      const letters = new Set<string>();
      for (const { everyYear, years } of Object.values(table.regions)) {
        for (const days of [everyYear, ...Object.values(years)]) {
          expect(days).toMatch(/^(\d{4}[a-zA-Z]\*?)*$/);
          for (const [, letter] of days.matchAll(/\d{4}([a-zA-Z])/g)) letters.add(letter ?? '');
        }
      }
      expect(letters.size).toBe(table.names.length);
    }
  });

  it('equals what scripts/extract-gb-holidays.mjs extracts from the installed date-holidays and GOV.UK’s list today', () => {
    const fresh = execFileSync(process.execPath, ['scripts/extract-gb-holidays.mjs', '--print'], {
      encoding: 'utf8',
    });
    // Compared as data, so formatting the committed file (biome) does not matter.
    expect(tables).toEqual(JSON.parse(fresh));
  });
});
