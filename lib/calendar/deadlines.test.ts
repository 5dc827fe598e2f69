import { describe, expect, it } from 'vitest';
import { exampleChainedPolicy } from '../../test/fixtures/policies/example-chained';
import { panBerkshirePolicy } from '../policy';
import {
  deadlineAfter,
  explainDeadline,
  explainStepDeadline,
  sampleTimeline,
  stepDeadlines,
} from './deadlines';
import { formatDateTime } from './london';
import { calendarFor } from './settings';

// Times are written with their London offset: +00:00 in winter (GMT), +01:00 in summer (BST).
const at = (iso: string) => new Date(iso);

function dueTimes(
  startedAt: string,
  ...rest: Parameters<typeof stepDeadlines> extends [unknown, unknown, ...infer R] ? R : never
) {
  return Object.fromEntries(
    stepDeadlines(at(startedAt), panBerkshirePolicy, ...rest).map((deadline) => [
      deadline.stepId,
      formatDateTime(deadline.dueAt),
    ]),
  );
}

describe('Pan Berkshire deadlines (DESIGN.md examples, England, end of day 17:00)', () => {
  it('start Mon 2 Nov 2026 10:30', () => {
    const deadlines = stepDeadlines(at('2026-11-02T10:30:00+00:00'), panBerkshirePolicy);
    expect(deadlines).toEqual([
      { stepId: '1a', stage: 1, dueAt: at('2026-11-03T17:00:00+00:00') },
      { stepId: '1b', stage: 1, dueAt: at('2026-11-04T17:00:00+00:00') },
      { stepId: '2', stage: 2, dueAt: at('2026-11-05T17:00:00+00:00') },
      { stepId: '3', stage: 3, dueAt: at('2026-11-06T17:00:00+00:00') },
      { stepId: '4', stage: 4, dueAt: at('2026-11-10T17:00:00+00:00') },
    ]);
  });

  it('start Thu 24 Dec 2026 14:00, over Christmas and the substitute Boxing Day', () => {
    expect(dueTimes('2026-12-24T14:00:00+00:00')).toEqual({
      '1a': 'Tue 29 Dec 2026, 17:00',
      '1b': 'Wed 30 Dec 2026, 17:00',
      '2': 'Thu 31 Dec 2026, 17:00',
      '3': 'Mon 4 Jan 2027, 17:00',
      '4': 'Wed 6 Jan 2027, 17:00',
    });
  });

  it('start Sat 28 Mar 2026 11:00, across the clocks going forward and Easter', () => {
    const deadlines = stepDeadlines(at('2026-03-28T11:00:00+00:00'), panBerkshirePolicy);
    expect(deadlines.map((deadline) => deadline.dueAt.toISOString())).toEqual([
      '2026-03-30T16:00:00.000Z', // Mon 30 Mar 17:00 BST
      '2026-03-31T16:00:00.000Z',
      '2026-04-01T16:00:00.000Z',
      '2026-04-02T16:00:00.000Z',
      '2026-04-08T16:00:00.000Z', // skips Good Friday 3 Apr and Easter Monday 6 Apr
    ]);
  });

  it('counts across the clocks going back', () => {
    // Fri 23 Oct 2026 is BST; Mon 26 Oct is GMT.
    expect(dueTimes('2026-10-23T10:00:00+01:00')['1a']).toBe('Mon 26 Oct 2026, 17:00');
    expect(stepDeadlines(at('2026-10-23T10:00:00+01:00'), panBerkshirePolicy)[0]?.dueAt).toEqual(
      at('2026-10-26T17:00:00Z'),
    );
  });

  it('counts from the calendar date whatever the time of day', () => {
    expect(dueTimes('2026-11-02T07:00:00+00:00')['1a']).toBe('Tue 3 Nov 2026, 17:00');
    expect(dueTimes('2026-11-02T20:00:00+00:00')['1a']).toBe('Tue 3 Nov 2026, 17:00');
    // 00:30 on Tuesday in London, still Monday in UTC-5 and UTC.
    expect(dueTimes('2026-11-03T00:30:00+00:00')['1a']).toBe('Wed 4 Nov 2026, 17:00');
    // A start on a bank holiday counts from that date.
    expect(dueTimes('2026-12-25T10:00:00+00:00')['1a']).toBe('Tue 29 Dec 2026, 17:00');
    // A start just before midnight BST is still that London date.
    expect(dueTimes('2026-06-05T23:30:00+01:00')['1a']).toBe('Mon 8 Jun 2026, 17:00');
  });

  it('honours the organisation’s working hours, closures and additions', () => {
    expect(
      dueTimes('2026-11-02T10:30:00+00:00', {
        workingHours: { start: '08:00', end: '16:00' },
        closures: [{ date: '2026-11-03', name: 'Office move' }],
        additions: [{ date: '2026-11-05', name: 'Proclaimed bank holiday' }],
      }),
    ).toEqual({
      '1a': 'Wed 4 Nov 2026, 16:00',
      '1b': 'Fri 6 Nov 2026, 16:00',
      '2': 'Mon 9 Nov 2026, 16:00',
      '3': 'Tue 10 Nov 2026, 16:00',
      '4': 'Thu 12 Nov 2026, 16:00',
    });
  });

  it('follows another region: Scotland loses 2 January', () => {
    expect(dueTimes('2025-12-31T12:00:00+00:00', { region: 'scotland' })['1a']).toBe('Mon 5 Jan 2026, 17:00');
    expect(dueTimes('2025-12-31T12:00:00+00:00')['1a']).toBe('Fri 2 Jan 2026, 17:00');
  });

  it('lets the official list decide a year it covers', () => {
    const officialHolidays = {
      'england-and-wales': {
        division: 'england-and-wales',
        events: [{ title: 'Extra bank holiday', date: '2026-11-03', notes: '' }],
      },
    };
    expect(dueTimes('2026-11-02T10:30:00+00:00', { officialHolidays })['1a']).toBe('Wed 4 Nov 2026, 17:00');
    // The official list for 2026 does not include Christmas, so it is a working day for this calendar.
    expect(dueTimes('2026-12-24T14:00:00+00:00', { officialHolidays })['1a']).toBe('Fri 25 Dec 2026, 17:00');
  });
});

describe('the "same time" rule', () => {
  const sameTime = { deadlineRule: 'same-time' } as const;

  it('is due at the same clock time on the Nth working day', () => {
    expect(dueTimes('2026-11-02T10:30:00+00:00', sameTime)).toEqual({
      '1a': 'Tue 3 Nov 2026, 10:30',
      '1b': 'Wed 4 Nov 2026, 10:30',
      '2': 'Thu 5 Nov 2026, 10:30',
      '3': 'Fri 6 Nov 2026, 10:30',
      '4': 'Tue 10 Nov 2026, 10:30',
    });
    expect(dueTimes('2026-12-24T14:00:00+00:00', sameTime)['1a']).toBe('Tue 29 Dec 2026, 14:00');
  });

  it('counts a start outside working hours from the start of working hours', () => {
    // Before hours on a working day: from 09:00 that day.
    expect(dueTimes('2026-11-02T07:00:00+00:00', sameTime)['1a']).toBe('Tue 3 Nov 2026, 09:00');
    // After hours: from 09:00 on the next working day.
    expect(dueTimes('2026-11-02T18:00:00+00:00', sameTime)['1a']).toBe('Wed 4 Nov 2026, 09:00');
    expect(dueTimes('2026-11-02T17:00:00+00:00', sameTime)['1a']).toBe('Wed 4 Nov 2026, 09:00');
    // On a weekend, across the clocks going forward: from Mon 30 Mar 09:00 BST.
    const weekend = stepDeadlines(at('2026-03-28T11:00:00+00:00'), panBerkshirePolicy, sameTime);
    expect(weekend[0]?.dueAt.toISOString()).toBe('2026-03-31T08:00:00.000Z');
    // On a bank holiday: from the next working day.
    expect(dueTimes('2026-12-28T11:00:00+00:00', sameTime)['1a']).toBe('Wed 30 Dec 2026, 09:00');
  });
});

describe('units other than working days', () => {
  const england = calendarFor(panBerkshirePolicy);
  const sameTime = calendarFor(panBerkshirePolicy, { deadlineRule: 'same-time' });

  it('working hours count only time within working hours on working days', () => {
    const fourHours = { unit: 'working-hours', amount: 4 } as const;
    expect(formatDateTime(deadlineAfter(at('2026-11-02T10:00:00Z'), fourHours, england))).toBe(
      'Mon 2 Nov 2026, 14:00',
    );
    expect(formatDateTime(deadlineAfter(at('2026-11-02T15:00:00Z'), fourHours, england))).toBe(
      'Tue 3 Nov 2026, 11:00',
    );
    // Exactly filling the day ends at 17:00, not the next morning.
    expect(formatDateTime(deadlineAfter(at('2026-11-02T13:00:00Z'), fourHours, england))).toBe(
      'Mon 2 Nov 2026, 17:00',
    );
    expect(formatDateTime(deadlineAfter(at('2026-11-06T15:00:00Z'), fourHours, england))).toBe(
      'Mon 9 Nov 2026, 11:00',
    );
    expect(formatDateTime(deadlineAfter(at('2026-12-24T20:00:00Z'), fourHours, england))).toBe(
      'Tue 29 Dec 2026, 13:00',
    );
    // Across the clocks going back: Fri 23 Oct 15:00 BST → Mon 26 Oct 11:00 GMT.
    expect(deadlineAfter(at('2026-10-23T15:00:00+01:00'), fourHours, england).toISOString()).toBe(
      '2026-10-26T11:00:00.000Z',
    );
    expect(
      formatDateTime(
        deadlineAfter(at('2026-11-02T10:00:00Z'), { unit: 'working-hours', amount: 20 }, england),
      ),
    ).toBe('Wed 4 Nov 2026, 14:00');
  });

  it('hours are plain elapsed hours, even across a clock change', () => {
    const day = { unit: 'hours', amount: 24 } as const;
    expect(deadlineAfter(at('2026-10-24T12:00:00+01:00'), day, england).toISOString()).toBe(
      '2026-10-25T11:00:00.000Z',
    );
    expect(formatDateTime(deadlineAfter(at('2026-10-24T12:00:00+01:00'), day, england))).toBe(
      'Sun 25 Oct 2026, 11:00',
    );
  });

  it('calendar days fall N days later, at the end of the day or the same time', () => {
    const oneDay = { unit: 'calendar-days', amount: 1 } as const;
    expect(formatDateTime(deadlineAfter(at('2026-10-24T12:00:00+01:00'), oneDay, england))).toBe(
      'Sun 25 Oct 2026, 17:00',
    );
    expect(formatDateTime(deadlineAfter(at('2026-10-24T12:00:00+01:00'), oneDay, sameTime))).toBe(
      'Sun 25 Oct 2026, 12:00',
    );
    expect(formatDateTime(deadlineAfter(at('2026-03-28T12:00:00Z'), oneDay, sameTime))).toBe(
      'Sun 29 Mar 2026, 12:00',
    );
  });

  it('"immediately" is due at the anchor', () => {
    expect(deadlineAfter(at('2026-11-07T03:00:00Z'), { unit: 'immediately' }, england)).toEqual(
      at('2026-11-07T03:00:00Z'),
    );
  });
});

describe('the example chained policy (invented; Scotland, 08:30–16:30, same time)', () => {
  const start = at('2026-11-02T10:00:00Z');
  const times = (history?: Parameters<typeof stepDeadlines>[3]) =>
    Object.fromEntries(
      stepDeadlines(start, exampleChainedPolicy, undefined, history).map((deadline) => [
        deadline.stepId,
        formatDateTime(deadline.dueAt),
      ]),
    );

  it('leaves out steps whose anchor has not happened', () => {
    expect(times()).toEqual({ acknowledge: 'Mon 2 Nov 2026, 14:00' });
  });

  it('counts chained deadlines from when the earlier milestone actually happened', () => {
    expect(
      times({
        stepsCompletedAt: {
          acknowledge: at('2026-11-02T13:00:00Z'),
          'manager-review': at('2026-11-06T16:00:00Z'),
          'panel-meeting': at('2026-11-25T11:00:00Z'),
        },
        stagesEnteredAt: { 2: at('2026-11-05T15:00:00Z'), 3: at('2026-11-09T09:00:00Z') },
      }),
    ).toEqual({
      acknowledge: 'Mon 2 Nov 2026, 14:00',
      discuss: 'Wed 4 Nov 2026, 13:00',
      'manager-review': 'Tue 10 Nov 2026, 15:00',
      'written-response': 'Sun 8 Nov 2026, 16:00',
      'refer-to-panel': 'Mon 9 Nov 2026, 09:00',
      'panel-meeting': 'Thu 19 Nov 2026, 09:00',
      // Skips St Andrew's Day, Mon 30 Nov.
      'outcome-letter': 'Thu 3 Dec 2026, 11:00',
    });
  });

  it('a stage entered without the stage before it (a skipped stage) still gives its deadlines', () => {
    expect(times({ track: 'urgent', stagesEnteredAt: { 3: at('2026-11-03T09:00:00Z') } })).toEqual({
      acknowledge: 'Mon 2 Nov 2026, 11:00',
      'refer-to-panel': 'Tue 3 Nov 2026, 09:00',
      'panel-meeting': 'Fri 13 Nov 2026, 09:00',
    });
  });

  it('uses the shorter urgent timescales on the urgent track', () => {
    expect(
      times({
        track: 'urgent',
        stepsCompletedAt: { acknowledge: at('2026-11-02T10:45:00Z') },
        stagesEnteredAt: { 2: at('2026-11-05T15:00:00Z') },
      }),
    ).toEqual({
      acknowledge: 'Mon 2 Nov 2026, 11:00',
      discuss: 'Tue 3 Nov 2026, 10:45',
      'manager-review': 'Fri 6 Nov 2026, 13:00',
    });
  });
});

describe('explaining a deadline', () => {
  const england = calendarFor(panBerkshirePolicy);

  it('names the days it skips', () => {
    const explanation = explainDeadline(
      at('2026-12-24T14:00:00Z'),
      { unit: 'working-days', amount: 3 },
      england,
    );
    expect(explanation.sentence).toBe(
      '3 working days from Thu 24 Dec 2026: skips Fri 25 Dec (Christmas Day, from GOV.UK’s list), the weekend, and Mon 28 Dec (Boxing Day, substitute day, from GOV.UK’s list). Due Thu 31 Dec 2026, 17:00.',
    );
    expect(explanation.dueAt).toEqual(at('2026-12-31T17:00:00Z'));
    expect(explanation.skipped).toEqual([
      {
        date: '2026-12-25',
        kind: 'bank-holiday',
        name: 'Christmas Day',
        substitute: false,
        source: 'govuk-list',
        reason: 'Christmas Day',
      },
      { date: '2026-12-26', kind: 'weekend', reason: 'weekend' },
      { date: '2026-12-27', kind: 'weekend', reason: 'weekend' },
      {
        date: '2026-12-28',
        kind: 'bank-holiday',
        name: 'Boxing Day',
        substitute: true,
        source: 'govuk-list',
        reason: 'Boxing Day (substitute day)',
      },
    ]);
  });

  it('says when nothing is skipped, and tells weekends apart when there are several', () => {
    expect(
      explainDeadline(at('2026-11-02T10:30:00Z'), { unit: 'working-days', amount: 1 }, england).sentence,
    ).toBe('1 working day from Mon 2 Nov 2026: no non-working days in between. Due Tue 3 Nov 2026, 17:00.');
    expect(
      explainDeadline(at('2026-11-06T10:30:00Z'), { unit: 'working-days', amount: 6 }, england).sentence,
    ).toBe(
      '6 working days from Fri 6 Nov 2026: skips the weekend of Sat 7 Nov and the weekend of Sat 14 Nov. Due Mon 16 Nov 2026, 17:00.',
    );
  });

  it('explains the same-time rule and working hours, including where counting started', () => {
    const sameTime = calendarFor(panBerkshirePolicy, { deadlineRule: 'same-time' });
    expect(
      explainDeadline(at('2026-03-28T11:00:00Z'), { unit: 'working-days', amount: 1 }, sameTime).sentence,
    ).toBe(
      '1 working day from Sat 28 Mar 2026, 11:00, counted from the start of the next working day, Mon 30 Mar 2026, 09:00: skips the weekend. Due Tue 31 Mar 2026, 09:00.',
    );
    expect(
      explainDeadline(at('2026-11-06T15:00:00Z'), { unit: 'working-hours', amount: 4 }, england).sentence,
    ).toBe(
      '4 working hours (09:00–17:00 on working days) from Fri 6 Nov 2026, 15:00: skips the weekend. Due Mon 9 Nov 2026, 11:00.',
    );
    expect(
      explainDeadline(at('2026-11-02T07:00:00Z'), { unit: 'working-hours', amount: 1 }, england).sentence,
    ).toBe(
      '1 working hour (09:00–17:00 on working days) from Mon 2 Nov 2026, 07:00, counted from the start of working hours at 09:00: no non-working days in between. Due Mon 2 Nov 2026, 10:00.',
    );
  });

  it('explains a step of a policy', () => {
    expect(explainStepDeadline('3', at('2026-12-24T14:00:00Z'), panBerkshirePolicy)?.sentence).toMatch(
      /^4 working days from Thu 24 Dec 2026: skips .*\. Due Mon 4 Jan 2027, 17:00\.$/,
    );
    expect(explainStepDeadline('discuss', at('2026-11-02T10:00:00Z'), exampleChainedPolicy)).toBeUndefined();
    expect(
      explainStepDeadline('no-such-step', at('2026-11-02T10:00:00Z'), panBerkshirePolicy),
    ).toBeUndefined();
  });
});

describe('a sample timeline, each step completed on its deadline', () => {
  it('is every deadline of a policy that counts each step from the start', () => {
    const startedAt = at('2026-11-02T10:30:00+00:00');
    expect(sampleTimeline(startedAt, panBerkshirePolicy)).toEqual(
      stepDeadlines(startedAt, panBerkshirePolicy),
    );
  });

  it('chains steps and stages, in Scotland, at the same time of day', () => {
    const timeline = sampleTimeline(at('2026-11-02T10:00:00+00:00'), exampleChainedPolicy);
    expect(Object.fromEntries(timeline.map((step) => [step.stepId, formatDateTime(step.dueAt)]))).toEqual({
      acknowledge: 'Mon 2 Nov 2026, 14:00',
      discuss: 'Wed 4 Nov 2026, 14:00',
      'manager-review': 'Mon 9 Nov 2026, 14:00',
      'written-response': 'Wed 11 Nov 2026, 14:00',
      // Stage 3 is entered when the written response is due.
      'refer-to-panel': 'Wed 11 Nov 2026, 14:00',
      'panel-meeting': 'Sat 21 Nov 2026, 14:00',
      // Counted from the next working day; St Andrew’s Day (Mon 30 Nov) is skipped.
      'outcome-letter': 'Tue 1 Dec 2026, 08:30',
    });
  });

  it('uses the calendar it is given', () => {
    const timeline = sampleTimeline(at('2026-11-02T10:30:00+00:00'), panBerkshirePolicy, {
      closures: [{ date: '2026-11-03' }],
    });
    expect(formatDateTime(timeline[0]?.dueAt ?? new Date(0))).toBe('Wed 4 Nov 2026, 17:00');
  });
});
