import { describe, expect, it } from 'vitest';
import { panBerkshirePolicy } from '../policy';
import { calendarFor } from './settings';
import { deadlineState, describeTimeToDeadline, dueSoonFrom, isDueSoon } from './status';

const england = calendarFor(panBerkshirePolicy);
const at = (iso: string) => new Date(iso);
// Tue 3 Nov 2026, 17:00 GMT.
const due = at('2026-11-03T17:00:00Z');

describe('time to a deadline in words', () => {
  it.each([
    ['2026-11-02T10:30:00Z', 'due in 1 working day'],
    ['2026-10-30T10:30:00Z', 'due in 2 working days'],
    ['2026-11-03T08:00:00Z', 'due today at 17:00'],
    ['2026-11-03T16:59:00Z', 'due today at 17:00'],
    ['2026-11-03T17:00:00Z', 'due today at 17:00'],
  ])('at %s: %s', (now, text) => {
    expect(describeTimeToDeadline(due, at(now), england)).toEqual({ overdue: false, text });
  });

  it.each([
    ['2026-11-03T17:20:00Z', 'overdue by 20 minutes'],
    ['2026-11-03T20:05:00Z', 'overdue by 3 hours'],
    ['2026-11-04T16:00:00Z', 'overdue by 23 hours'],
    ['2026-11-05T18:00:00Z', 'overdue by 2 working days'],
  ])('at %s: %s', (now, text) => {
    expect(describeTimeToDeadline(due, at(now), england)).toEqual({ overdue: true, text });
  });

  it('counts working days, not calendar days, over a weekend', () => {
    const friday = at('2026-11-06T17:00:00Z');
    expect(describeTimeToDeadline(friday, at('2026-11-09T10:00:00Z'), england).text).toBe(
      'overdue by 1 working day',
    );
    // No working day has passed yet on Sunday, so it counts hours.
    expect(describeTimeToDeadline(friday, at('2026-11-08T19:00:00Z'), england).text).toBe(
      'overdue by 50 hours',
    );
    expect(describeTimeToDeadline(at('2026-11-09T17:00:00Z'), at('2026-11-06T12:00:00Z'), england).text).toBe(
      'due in 1 working day',
    );
  });

  it('uses hours for a deadline that falls on a non-working day', () => {
    expect(describeTimeToDeadline(at('2026-11-07T10:00:00Z'), at('2026-11-06T12:00:00Z'), england).text).toBe(
      'due in 22 hours',
    );
  });

  it('shows clock times in London, in summer too', () => {
    expect(describeTimeToDeadline(at('2026-06-02T16:00:00Z'), at('2026-06-02T08:00:00Z'), england).text).toBe(
      'due today at 17:00',
    );
  });
});

describe('due soon and deadline state', () => {
  it('with no lead, a step is due soon on the working day it is due', () => {
    expect(isDueSoon(due, at('2026-11-03T08:00:00Z'), england)).toBe(true);
    expect(isDueSoon(due, at('2026-11-02T16:00:00Z'), england)).toBe(false);
    expect(deadlineState(due, at('2026-11-02T16:00:00Z'), england)).toBe('upcoming');
    expect(deadlineState(due, at('2026-11-03T08:00:00Z'), england)).toBe('due-soon');
    expect(deadlineState(due, at('2026-11-03T17:00:00Z'), england)).toBe('due-soon');
    expect(deadlineState(due, at('2026-11-03T17:01:00Z'), england)).toBe('overdue');
    expect(isDueSoon(due, at('2026-11-03T17:01:00Z'), england)).toBe(false);
  });

  it('a lead in working days brings it forward, skipping non-working days', () => {
    const monday = at('2026-11-09T17:00:00Z');
    expect(isDueSoon(monday, at('2026-11-06T09:00:00Z'), england, 1)).toBe(true);
    expect(isDueSoon(monday, at('2026-11-05T09:00:00Z'), england, 1)).toBe(false);
    expect(deadlineState(monday, at('2026-11-05T09:00:00Z'), england, 2)).toBe('due-soon');
    // Over the weekend the deadline is a working day away, so not yet due soon with no lead.
    expect(isDueSoon(monday, at('2026-11-07T09:00:00Z'), england)).toBe(false);
  });
});

describe('when a deadline becomes due soon', () => {
  it('is the start of the London day from which it counts as due soon', () => {
    expect(dueSoonFrom(due, england)).toEqual(at('2026-11-03T00:00:00Z'));
    const monday = at('2026-11-09T17:00:00Z');
    // A lead of one working day: due soon from Friday, the weekend does not count.
    expect(dueSoonFrom(monday, england, 1)).toEqual(at('2026-11-06T00:00:00Z'));
    // In summer the London day starts at 23:00 UTC the evening before.
    expect(dueSoonFrom(at('2026-06-10T16:00:00Z'), england)).toEqual(at('2026-06-09T23:00:00Z'));
  });

  it('agrees with isDueSoon on either side of the boundary', () => {
    for (const lead of [0, 1, 2]) {
      for (const deadline of [due, at('2026-11-09T17:00:00Z'), at('2026-12-29T17:00:00Z')]) {
        const from = dueSoonFrom(deadline, england, lead);
        expect(isDueSoon(deadline, from, england, lead)).toBe(true);
        expect(isDueSoon(deadline, new Date(from.getTime() - 1), england, lead)).toBe(false);
      }
    }
  });
});
