import { describe, expect, it } from 'vitest';
import { startEscalation } from '../escalation';
import { accepted, draft, startContextAt } from '../escalation/testing';
import { defaultSettings } from '../settings';
import { dashboardRows } from './dashboard';

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

describe('dashboardRows', () => {
  // Wed 4 Nov 2026, 10:00: step 1a of an escalation started Mon 2 Nov was due Tue 17:00.
  const now = new Date('2026-11-04T10:00:00Z');
  const escalations = [
    startedOn('later', '2026-11-03T15:00:00Z', 'C-3'), // 1a due Wed 4 Nov 17:00: due soon
    startedOn('upcoming', '2026-11-04T09:00:00Z', 'C-4'), // 1a due Thu 5 Nov: upcoming
    startedOn('late', '2026-11-02T10:30:00Z', 'C-1'), // overdue
  ];

  it('lists open escalations most urgent first, with the deadline in words', () => {
    const rows = dashboardRows(escalations, defaultSettings, now);
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
    const named = dashboardRows(escalations, { ...defaultSettings, showChildNames: true }, now);
    expect(named[0]?.child).toBe('Child A, Liquidlogic LCS');
  });
});
