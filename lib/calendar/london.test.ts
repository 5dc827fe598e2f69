import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  formatDate,
  formatDateTime,
  formatShortDate,
  formatTime,
  LONDON,
  londonInstant,
} from './london';

describe('formatting in London time', () => {
  it('shows winter times as GMT', () => {
    const due = new Date('2026-11-03T17:00:00Z');
    expect(formatDateTime(due)).toBe('Tue 3 Nov 2026, 17:00');
    expect(formatDate(due)).toBe('Tue 3 Nov 2026');
    expect(formatTime(due)).toBe('17:00');
  });

  it('shows summer times as BST', () => {
    expect(formatDateTime(new Date('2026-03-30T16:00:00Z'))).toBe('Mon 30 Mar 2026, 17:00');
  });

  it('uses the London date near midnight', () => {
    expect(formatDate(new Date('2026-06-30T23:30:00Z'))).toBe('Wed 1 Jul 2026');
    expect(formatDate('2026-12-28')).toBe('Mon 28 Dec 2026');
  });

  it('writes exactly what date-fns writes, across clock changes and years', () => {
    for (
      let time = Date.parse('2025-12-31T20:00:00Z');
      time < Date.parse('2027-04-01T00:00:00Z');
      time += 47 * 60_000
    ) {
      const instant = new Date(time);
      const london = new TZDate(time, LONDON);
      expect(formatDateTime(instant)).toBe(format(london, 'EEE d MMM yyyy, HH:mm'));
      expect(formatDate(instant)).toBe(format(london, 'EEE d MMM yyyy'));
      expect(formatShortDate(instant)).toBe(format(london, 'EEE d MMM'));
      expect(formatTime(instant)).toBe(format(london, 'HH:mm'));
    }
    for (let day = '0999-12-30'; day < '1000-01-03'; day = addCalendarDays(day, 1)) {
      expect(formatDate(day)).toBe(format(new TZDate(`${day}T12:00:00Z`, LONDON), 'EEE d MMM yyyy'));
    }
    expect(() => formatDateTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('londonInstant', () => {
  it('agrees with the time-zone library on every day of a year, the clock-change days included', () => {
    const times = [0, 30 * 60_000, 90 * 60_000, 9 * 3_600_000, 17 * 3_600_000, 86_399_999];
    for (let day = '2026-01-01'; day < '2027-01-01'; day = addCalendarDays(day, 1)) {
      const [year, month, date] = day.split('-').map(Number) as [number, number, number];
      for (const time of times) {
        const minutes = Math.floor(time / 60_000);
        const wall = new TZDate(
          year,
          month - 1,
          date,
          Math.floor(minutes / 60),
          minutes % 60,
          0,
          time % 60_000,
          LONDON,
        );
        expect(londonInstant(day, time).getTime()).toBe(wall.getTime());
      }
    }
  });
});
