import { describe, expect, it } from 'vitest';
import { startEscalation } from '../escalation';
import { accepted, draft, startContextAt } from '../escalation/testing';
import { defaultSettings } from '../settings';
import { dashboardListSchema, dashboardRowsAt } from './dashboard';
import { dashboardListOf } from './dashboard-list';

function startedOn(id: string, startedAt: string, recordId: string) {
  const context = { ...startContextAt(startedAt), newId: () => id };
  return accepted(
    startEscalation(
      {
        ...draft,
        child: { ...draft.child, recordId },
        differenceStartedAt: startedAt,
        imminentRisk: { atRisk: false, answeredAt: startedAt },
      },
      context,
    ),
  );
}

describe('the popup’s list', () => {
  // Wed 4 Nov 2026, 10:00: step 1a of an escalation started Mon 2 Nov was due Tue 17:00.
  const now = new Date('2026-11-04T10:00:00Z');
  const escalations = [
    startedOn('later', '2026-11-03T15:00:00Z', 'C-3'), // 1a due Wed 4 Nov 17:00: due soon
    startedOn('upcoming', '2026-11-04T09:00:00Z', 'C-4'), // 1a due Thu 5 Nov: upcoming
    startedOn('late', '2026-11-02T10:30:00Z', 'C-1'), // overdue
  ];

  it('lists open escalations most urgent first, with the deadline in words', () => {
    const rows = dashboardRowsAt(dashboardListOf(escalations, defaultSettings), now);
    expect(rows.map((row) => [row.escalationId, row.deadline?.state])).toEqual([
      ['late', 'overdue'],
      ['later', 'due-soon'],
      ['upcoming', 'upcoming'],
    ]);
    expect(rows[0]).toMatchObject({
      child: 'Record C-1, Liquidlogic LCS',
      stage: 1,
      recordUrl: draft.child.recordUrl,
      deadline: { timeToDeadline: 'overdue by 17 hours' },
    });
  });

  it('shows display names only when the user has opted in', () => {
    const named = dashboardRowsAt(
      dashboardListOf(escalations, { ...defaultSettings, showChildNames: true }),
      now,
    );
    expect(named[0]?.child).toBe('Child A, Liquidlogic LCS');
  });

  it('keeps only what does not depend on the time, and each policy’s calendar once', () => {
    const list = dashboardListOf(escalations, defaultSettings);
    expect(list.calendars).toHaveLength(1);
    expect(list.escalations.map((listed) => listed.deadline)).toEqual([
      { dueAt: '2026-11-04T17:00:00.000Z', calendar: 0 },
      { dueAt: '2026-11-05T17:00:00.000Z', calendar: 0 },
      { dueAt: '2026-11-03T17:00:00.000Z', calendar: 0 },
    ]);
    // The same list gives each moment's states: a day later, due soon has become overdue.
    const dayLater = dashboardRowsAt(list, new Date('2026-11-05T10:00:00Z'));
    expect(dayLater.map((row) => row.deadline?.state)).toEqual(['overdue', 'overdue', 'due-soon']);
  });

  it('gives the same rows after a round trip through JSON and its schema', () => {
    const list = dashboardListOf(escalations, defaultSettings);
    const again = dashboardListSchema.parse(JSON.parse(JSON.stringify(list)));
    expect(dashboardRowsAt(again, now)).toEqual(dashboardRowsAt(list, now));
  });

  it('lists an escalation under a policy it does not have last, by its current step, with no deadline', () => {
    const unknown = {
      ...startedOn('unknown', '2026-11-04T09:30:00Z', 'C-9'),
      policy: { id: 'gone', version: '1' },
    };
    const rows = dashboardRowsAt(dashboardListOf([unknown, ...escalations], defaultSettings), now);
    expect(rows.at(-1)).toMatchObject({
      escalationId: 'unknown',
      stage: 0,
      stepTitle: unknown.currentStepId,
    });
    expect(rows.at(-1)?.deadline).toBeUndefined();
  });

  it('refuses a list naming a calendar it does not have', () => {
    const list = dashboardListOf(escalations, defaultSettings);
    expect(dashboardListSchema.safeParse({ ...list, calendars: [] }).success).toBe(false);
  });
});
