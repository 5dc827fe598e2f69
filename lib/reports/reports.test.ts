import { describe, expect, it } from 'vitest';
import { draft } from '../escalation/testing';
import { rowsCsv, summaryCsv } from './csv';
import { keptRowDeletionDue, keptRowsInForce, returnsRows, withKeptRows } from './kept';
import { addCalendarMonths, periodFor } from './period';
import { escalationReference, returnsRowOf, returnsRowSchema } from './row';
import { median, summariseReturns } from './summary';
import { autumnEscalations, parseCsv, testPolicy, worked } from './testing';

const now = new Date('2026-11-30T12:00:00Z');
const team = 'Assessment Team A';
const rows = () =>
  autumnEscalations().map((escalation) => returnsRowOf(escalation, { policy: testPolicy, team, now }));
const q4 = { from: '2026-10-01', to: '2026-12-31' };
const countsOf = (summary: ReturnsType, id: string) =>
  Object.fromEntries(
    (summary.breakdowns.find((breakdown) => breakdown.id === id)?.counts ?? []).map((count) => [
      count.label,
      count.count,
    ]),
  );
type ReturnsType = ReturnType<typeof summariseReturns>;

describe('periods in UK dates', () => {
  it('gives calendar quarters and the year around the UK date of now', () => {
    const at = new Date('2026-11-10T12:00:00Z');
    expect(periodFor('this-quarter', at)).toEqual(q4);
    expect(periodFor('last-quarter', at)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(periodFor('this-year', at)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodFor('last-quarter', new Date('2027-02-01T12:00:00Z'))).toEqual(q4);
    expect(periodFor('custom', at, { from: '2026-11-01', to: '2026-11-15' })).toEqual({
      from: '2026-11-01',
      to: '2026-11-15',
    });
  });

  it('reads "now" in London: 00:30 on 1 October (BST) is already the next quarter', () => {
    expect(periodFor('this-quarter', new Date('2026-09-30T23:30:00Z'))).toEqual(q4);
    expect(periodFor('this-quarter', new Date('2026-09-30T22:30:00Z'))).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
    });
  });

  it('counts an escalation started at 23:30 UK time on a quarter’s last day in that quarter', () => {
    const lastEveningOfQ3 = worked(
      'f6666666-0000-4000-8000-000000000006',
      {
        differenceStartedAt: '2026-09-30T22:30:00Z', // 23:30 BST
      },
      [],
    );
    const lastEveningOfQ4 = worked(
      'f7777777-0000-4000-8000-000000000007',
      {
        differenceStartedAt: '2026-12-31T23:30:00Z', // 23:30 GMT
      },
      [],
    );
    const firstMinutesOfQ4 = worked(
      'f8888888-0000-4000-8000-000000000008',
      {
        differenceStartedAt: '2026-09-30T23:30:00Z', // 00:30 BST on 1 October
      },
      [],
    );
    const at = new Date('2027-01-05T12:00:00Z');
    const edgeRows = [lastEveningOfQ3, lastEveningOfQ4, firstMinutesOfQ4].map((escalation) =>
      returnsRowOf(escalation, { policy: testPolicy, now: at }),
    );
    expect(edgeRows.map((row) => row.startedOn)).toEqual(['2026-09-30', '2026-12-31', '2026-10-01']);
    expect(summariseReturns(edgeRows, { from: '2026-07-01', to: '2026-09-30' }).started).toBe(1);
    expect(summariseReturns(edgeRows, q4).started).toBe(2);
    expect(summariseReturns(edgeRows, periodFor('last-quarter', at)).started).toBe(2);
  });

  it('adds whole months, keeping to the month’s last day', () => {
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2026-11-05', 13)).toBe('2027-12-05');
    expect(addCalendarMonths('2028-02-29', 12)).toBe('2029-02-28');
  });
});

describe('the anonymised row', () => {
  it('holds the reference, agencies, stage, reason, outcome, dates and deadlines, and nothing of the child', () => {
    const [first] = rows();
    expect(first).toEqual({
      reference: 'ESC-20261102-A1111111',
      policy: { id: 'pan-berkshire', version: 'March 2026' },
      raisingAgency: "Reading Children's Services",
      team,
      agencyRaisedWith: 'Berkshire Healthcare NHS Foundation Trust',
      track: 'standard',
      status: 'resolved',
      startedOn: '2026-11-02',
      endedOn: '2026-11-05',
      stageReached: 1,
      stageName: testPolicy.stages[0]?.name,
      stepReached: { id: '1b', title: testPolicy.steps[1]?.title },
      reason: { id: 'threshold-or-referral', label: 'Threshold or referral decision' },
      outcome: { id: 'resolved', label: 'Resolved: agreement reached' },
      workingDaysTaken: 3,
      deadlines: [
        { stepId: '1a', stepTitle: testPolicy.steps[0]?.title, stage: 1, dueOn: '2026-11-03', met: true },
        { stepId: '1b', stepTitle: testPolicy.steps[1]?.title, stage: 1, dueOn: '2026-11-04', met: true },
      ],
    });
    expect(returnsRowSchema.parse(first)).toEqual(first);
    const text = JSON.stringify(rows());
    for (const secret of [
      draft.child.recordId,
      draft.child.displayName ?? '',
      draft.concern.disagreedWith,
      draft.concern.impactOnChild,
      draft.otherParty.professional.name,
      'Sam Patel',
      'bruise',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('gives each escalation a reference from its start date and id alone', () => {
    expect(
      escalationReference({
        id: '3f2a9c1b-77aa-4c1d-9e00-000000000000',
        differenceStartedAt: '2026-09-30T23:30:00Z',
      }),
    ).toBe('ESC-20261001-3F2A9C1B');
  });
});

describe('the returns for a period', () => {
  const summary = () => summariseReturns(rows(), q4, testPolicy);

  it('counts escalations started, by stage, agencies, team, reason and outcome', () => {
    const result = summary();
    expect(result.started).toBe(5);
    expect(countsOf(result, 'stage')).toEqual({
      [`Stage 1: ${testPolicy.stages[0]?.name}`]: 3,
      [`Stage 2: ${testPolicy.stages[1]?.name}`]: 1,
      [`Stage 3: ${testPolicy.stages[2]?.name}`]: 0,
      [`Stage 4: ${testPolicy.stages[3]?.name}`]: 1,
    });
    expect(countsOf(result, 'agency-raised-with')).toEqual({
      'Berkshire Healthcare NHS Foundation Trust': 3,
      'Thames Valley Police': 2,
    });
    expect(countsOf(result, 'raising-agency')).toEqual({
      "Reading Children's Services": 4,
      'Reading Education Services': 1,
    });
    expect(countsOf(result, 'team')).toEqual({ [team]: 5 });
    expect(countsOf(result, 'reason')).toEqual({
      'Threshold or referral decision': 3,
      'Assessment outcome': 0,
      'Plan drift or lack of progress': 1,
      'Information sharing': 1,
      'Roles and responsibilities': 0,
      'Service provision': 0,
      'Child protection procedures invoked or not': 0,
      Other: 0,
    });
    expect(countsOf(result, 'outcome')).toEqual({
      'Resolved: agreement reached': 1,
      'Unresolved after stage 4': 1,
      'Referred to the partnership (multi-agency case review or policy subgroup)': 1,
      'Withdrawn by the professional who raised it': 1,
      'Still open': 1,
    });
  });

  it('gives the median working days to resolution and each step’s share of deadlines met', () => {
    const result = summary();
    expect(result.resolved).toBe(3);
    // 3 (2–5 Nov), 8 (10–20 Nov) and 1 (16–17 Nov) working days.
    expect(result.medianWorkingDaysToResolution).toBe(3);
    expect(
      result.deadlines.map(({ stepId, met, decided, share }) => ({ stepId, met, decided, share })),
    ).toEqual([
      { stepId: '1a', met: 3, decided: 5, share: 0.6 },
      { stepId: '1b', met: 1, decided: 2, share: 0.5 },
      { stepId: '2', met: 0, decided: 1, share: 0 },
      // Still open at stage 2, it is past the deadlines of stages 3 and 4 too (all count from the start).
      { stepId: '3', met: 0, decided: 1, share: 0 },
      // And the one taken straight to stage 4 (1b to 3 passed over) ended after its deadline, Wed 18 Nov.
      { stepId: '4', met: 0, decided: 2, share: 0 },
    ]);
  });

  it('counts only escalations started in the period', () => {
    expect(summariseReturns(rows(), { from: '2026-11-04', to: '2026-11-10' }, testPolicy).started).toBe(2);
    expect(summariseReturns(rows(), { from: '2026-07-01', to: '2026-09-30' }, testPolicy).started).toBe(0);
  });

  it('takes the middle of an even count as the mean of the two middle values', () => {
    expect(median([8, 1, 3, 4])).toBe(3.5);
    expect(median([])).toBeUndefined();
  });
});

describe('rows kept after retention', () => {
  it('keeps a row for the set months after the day its escalation ended', () => {
    const [first] = rows();
    if (!first) throw new Error('no row');
    expect(keptRowDeletionDue(first, 13)?.toISOString()).toBe('2027-12-05T00:00:00.000Z');
    expect(keptRowsInForce([first], new Date('2027-12-04T23:59:00Z'), 13)).toEqual([first]);
    expect(keptRowsInForce([first], new Date('2027-12-05T00:00:00Z'), 13)).toEqual([]);
  });

  it('counts a kept row once, and a stored escalation over its kept row', () => {
    const all = rows();
    const [first, second] = all;
    if (!first || !second) throw new Error('no rows');
    expect(withKeptRows([first], [first, second])).toEqual([first, second]);
    const escalations = autumnEscalations();
    const source = {
      escalations: escalations.slice(1),
      settings: { importedPolicies: [], calendar: {}, profile: { team } },
      keptReturns: [first, { ...second, stageReached: 4 }],
    };
    const returned = returnsRows(source, now);
    expect(returned).toHaveLength(5);
    expect(returned.find((row) => row.reference === second.reference)?.stageReached).toBe(2);
    expect(summariseReturns(returned, q4, testPolicy)).toEqual(summariseReturns(all, q4, testPolicy));
  });
});

describe('CSV exports', () => {
  it('writes one row per escalation that reads back field for field', () => {
    const parsed = parseCsv(rowsCsv(rows()));
    expect(parsed[0]?.slice(0, 4)).toEqual(['Reference', 'Policy', 'Policy version', 'Agency raising it']);
    expect(parsed[0]?.slice(-5)).toEqual([
      'Step 1a deadline',
      'Step 1b deadline',
      'Step 2 deadline',
      'Step 3 deadline',
      'Step 4 deadline',
    ]);
    expect(parsed).toHaveLength(6);
    const header = parsed[0] ?? [];
    const police = parsed.find((row) => row[0] === 'ESC-20261103-B2222222') ?? [];
    const cell = (name: string) => police[header.indexOf(name)];
    expect(cell('Agency raised with')).toBe('Thames Valley Police');
    expect(cell('Stage reached')).toBe('2');
    expect(cell('Status')).toBe('open');
    expect(cell('Ended (UK date)')).toBe('');
    expect(cell('Step 1a deadline')).toBe('missed');
    expect(cell('Step 2 deadline')).toBe('missed');
    expect(cell('Deadlines missed')).toBe('5');
    expect(cell('Step 4 deadline')).toBe('missed');
    expect(cell('Agency raising it')).toBe("Reading Children's Services");
  });

  it('quotes commas, quotes and line breaks, and never lets a cell start a formula', () => {
    const [first] = rows();
    if (!first) throw new Error('no row');
    const hostile = {
      ...first,
      raisingAgency: '=HYPERLINK("http://example.com","x")',
      agencyRaisedWith: 'Health, "North"\r\nTeam',
      team: '+1 team',
    };
    const text = rowsCsv([hostile]);
    expect(text).toContain(`"'=HYPERLINK(""http://example.com"",""x"")"`);
    expect(text.endsWith('\r\n')).toBe(true);
    const [, row] = parseCsv(text);
    expect(row?.[3]).toBe(`'=HYPERLINK("http://example.com","x")`);
    expect(row?.[4]).toBe("'+1 team");
    expect(row?.[5]).toBe('Health, "North"\r\nTeam');
  });

  it('writes the summary as one line per count', () => {
    const parsed = parseCsv(summaryCsv(summariseReturns(rows(), q4, testPolicy)));
    expect(parsed[0]).toEqual(['Breakdown', 'Category', 'Count', 'Out of']);
    expect(parsed).toContainEqual(['Escalations started', '', '5', '']);
    expect(parsed).toContainEqual(['Agency raised with', 'Thames Valley Police', '2', '5']);
    expect(parsed).toContainEqual(['Median working days to resolution', '', '3', '3']);
    expect(parsed).toContainEqual(['Deadlines met', `Step 1a: ${testPolicy.steps[0]?.title}`, '3', '5']);
  });
});
