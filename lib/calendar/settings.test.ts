import { describe, expect, it } from 'vitest';
import { exampleChainedPolicy } from '../../test/fixtures/policies/example-chained';
import { panBerkshirePolicy } from '../policy';
import { calendarFor, calendarSettingsSchema } from './settings';

describe('calendar settings', () => {
  it('default to the policy’s calendar', () => {
    expect(calendarFor(panBerkshirePolicy)).toEqual({
      region: 'england-and-wales',
      workingHours: { start: '09:00', end: '17:00' },
      deadlineRule: 'end-of-day',
      closures: [],
      additions: [],
      removals: [],
    });
    expect(calendarFor(exampleChainedPolicy)).toMatchObject({
      region: 'scotland',
      deadlineRule: 'same-time',
    });
  });

  it('take the organisation’s overrides, ignoring ones left undefined', () => {
    const calendar = calendarFor(panBerkshirePolicy, { region: 'northern-ireland', deadlineRule: undefined });
    expect(calendar.region).toBe('northern-ireland');
    expect(calendar.deadlineRule).toBe('end-of-day');
  });

  it('are validated by the schema', () => {
    expect(calendarSettingsSchema.safeParse(calendarFor(panBerkshirePolicy)).success).toBe(true);
    const bad = calendarSettingsSchema.safeParse({
      ...calendarFor(panBerkshirePolicy),
      additions: [{ date: '2026-13-01', name: 'x' }],
      workingHours: { start: '17:00', end: '09:00' },
    });
    expect(bad.success).toBe(false);
  });
});
