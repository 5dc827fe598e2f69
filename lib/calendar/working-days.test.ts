import { describe, expect, it } from 'vitest';
import { panBerkshirePolicy } from '../policy';
import { addCalendarDays } from './london';
import { type CalendarSettings, calendarFor } from './settings';
import {
  addWorkingDays,
  isWorkingDay,
  nonWorkingDay,
  nonWorkingReason,
  workingDaysBetween,
} from './working-days';

const england = calendarFor(panBerkshirePolicy);

describe('working days', () => {
  it('are Monday to Friday, less bank holidays', () => {
    expect(isWorkingDay('2026-11-02', england)).toBe(true);
    expect(isWorkingDay('2026-11-07', england)).toBe(false);
    expect(isWorkingDay('2026-12-25', england)).toBe(false);
    expect(isWorkingDay('2026-12-28', england)).toBe(false);
    expect(isWorkingDay('2026-12-29', england)).toBe(true);
  });

  it('read an instant on its London date, whatever the machine zone', () => {
    // 23:30 UTC on Sun 29 Mar 2026 is already 00:30 BST on Monday 30 March in London.
    expect(isWorkingDay(new Date('2026-03-29T23:30:00Z'), england)).toBe(true);
    // 23:30 UTC on Fri 30 Oct 2026 is still Friday in London (GMT).
    expect(isWorkingDay(new Date('2026-10-30T23:30:00Z'), england)).toBe(true);
    expect(isWorkingDay(new Date('2026-10-31T00:30:00Z'), england)).toBe(false);
  });

  it('say why a day is not a working day', () => {
    expect(nonWorkingReason('2026-12-25', england)).toBe('Christmas Day');
    expect(nonWorkingReason('2026-12-28', england)).toBe('Boxing Day (substitute day)');
    expect(nonWorkingReason('2028-01-03', england)).toBe('New Year’s Day (substitute day)');
    expect(nonWorkingReason('2026-11-07', england)).toBe('weekend');
    expect(nonWorkingReason('2026-11-02', england)).toBeUndefined();
    expect(nonWorkingDay('2026-12-28', england)).toEqual({
      date: '2026-12-28',
      kind: 'bank-holiday',
      name: 'Boxing Day',
      substitute: true,
      source: 'govuk-list',
    });
  });

  it('follow the region', () => {
    const scotland = calendarFor(panBerkshirePolicy, { region: 'scotland' });
    const northernIreland = calendarFor(panBerkshirePolicy, { region: 'northern-ireland' });
    expect(isWorkingDay('2026-01-02', scotland)).toBe(false);
    expect(isWorkingDay('2026-01-02', england)).toBe(true);
    expect(isWorkingDay('2026-04-06', scotland)).toBe(true);
    expect(nonWorkingReason('2025-12-01', scotland)).toBe('St Andrew’s Day (substitute day)');
    expect(nonWorkingReason('2026-03-17', northernIreland)).toBe('St Patrick’s Day');
    expect(nonWorkingReason('2027-07-12', northernIreland)).toBe('Battle of the Boyne (Orangemen’s Day)');
    expect(isWorkingDay('2027-07-12', england)).toBe(true);
  });

  describe("the organisation's own dates", () => {
    const organisation: CalendarSettings = calendarFor(panBerkshirePolicy, {
      closures: [{ date: '2026-11-04', name: 'Staff training day' }, { date: '2026-11-05' }],
      additions: [{ date: '2026-11-06', name: 'State funeral (proclaimed bank holiday)' }],
      removals: ['2026-12-28'],
    });

    it('closures and additions are not working days', () => {
      expect(nonWorkingReason('2026-11-04', organisation)).toBe('organisation closure: Staff training day');
      expect(nonWorkingReason('2026-11-05', organisation)).toBe('organisation closure');
      expect(nonWorkingReason('2026-11-06', organisation)).toBe('State funeral (proclaimed bank holiday)');
      expect(addWorkingDays('2026-11-03', 1, organisation)).toBe('2026-11-09');
    });

    it('removals are working days after all', () => {
      expect(isWorkingDay('2026-12-28', organisation)).toBe(true);
      expect(addWorkingDays('2026-12-24', 1, organisation)).toBe('2026-12-28');
    });
  });

  it('add working days from the calendar date, even one that is not a working day', () => {
    expect(addWorkingDays('2026-11-02', 4, england)).toBe('2026-11-06');
    expect(addWorkingDays('2026-11-02', 6, england)).toBe('2026-11-10');
    expect(addWorkingDays('2026-12-24', 3, england)).toBe('2026-12-31');
    expect(addWorkingDays('2026-03-28', 1, england)).toBe('2026-03-30');
    expect(addWorkingDays('2026-12-25', 1, england)).toBe('2026-12-29');
    expect(addWorkingDays('2026-11-02', 0, england)).toBe('2026-11-02');
  });

  it('count working days between two dates', () => {
    expect(workingDaysBetween('2026-12-24', '2027-01-04', england)).toBe(4);
    expect(workingDaysBetween('2026-11-06', '2026-11-09', england)).toBe(1);
    expect(workingDaysBetween('2026-11-06', '2026-11-06', england)).toBe(0);
    expect(workingDaysBetween('2026-11-09', '2026-11-06', england)).toBe(0);
  });

  it('count and add exactly as going day by day would, across years and for each calendar', () => {
    // The answers come from a table per year (worked out once); the reference walks the dates.
    const organisation = calendarFor(panBerkshirePolicy, {
      closures: [{ date: '2026-12-31' }],
      additions: [{ date: '2027-01-05', name: 'Proclaimed holiday' }],
      removals: ['2026-12-28'],
    });
    const byWalking = (from: string, to: string, calendar: CalendarSettings) => {
      let count = 0;
      for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) {
        if (nonWorkingDay(day, calendar) === undefined) count += 1;
      }
      return count;
    };
    for (const calendar of [england, organisation, calendarFor(panBerkshirePolicy, { region: 'scotland' })]) {
      for (let offset = -40; offset <= 400; offset += 7) {
        const from = addCalendarDays('2026-12-20', offset % 60);
        const to = addCalendarDays('2026-11-01', offset);
        expect(workingDaysBetween(from, to, calendar)).toBe(byWalking(from, to, calendar));
        const added = addWorkingDays(from, offset % 23, calendar);
        expect(byWalking(from, added, calendar)).toBe(Math.max(0, offset % 23));
        if (offset % 23 > 0) expect(nonWorkingDay(added, calendar)).toBeUndefined();
        expect(isWorkingDay(to, calendar)).toBe(nonWorkingDay(to, calendar) === undefined);
      }
    }
  });
});
