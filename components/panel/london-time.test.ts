import { describe, expect, it } from 'vitest';
import { instantFromLondonFields, isCalendarDate, londonFieldsOf } from './london-time';

describe('London date and time fields', () => {
  it('reads the London wall clock in winter and in summer', () => {
    expect(londonFieldsOf(new Date('2026-11-02T10:30:00Z'))).toEqual({ date: '2026-11-02', time: '10:30' });
    expect(londonFieldsOf(new Date('2026-06-10T23:30:00Z'))).toEqual({ date: '2026-06-11', time: '00:30' });
  });

  it('turns London fields into the instant, whatever the machine’s zone', () => {
    expect(instantFromLondonFields({ date: '2026-11-02', time: '10:30' })?.toISOString()).toBe(
      '2026-11-02T10:30:00.000Z',
    );
    expect(instantFromLondonFields({ date: '2026-03-30', time: '17:00' })?.toISOString()).toBe(
      '2026-03-30T16:00:00.000Z',
    );
  });

  it('refuses dates and times that do not exist', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(instantFromLondonFields({ date: '2026-06-31', time: '10:00' })).toBeUndefined();
    expect(instantFromLondonFields({ date: '2026-06-01', time: '24:00' })).toBeUndefined();
    expect(instantFromLondonFields({ date: '', time: '10:00' })).toBeUndefined();
  });
});
