import { describe, expect, it } from 'vitest';
import { applyChange, type EscalationChange, escalationChangeSchema } from './changes';
import { accepted, contextAt, discussionAt, startedEscalation } from './testing';

const at = (time: string) => contextAt(`2026-11-02T${time}:00Z`);

describe('applyChange', () => {
  it('applies each kind of change through its transition', () => {
    const started = startedEscalation();
    const discussed = accepted(
      applyChange(
        started,
        { kind: 'record-discussion', input: discussionAt('2026-11-02T12:00:00Z') },
        at('12:30'),
      ),
    );
    expect(discussed.discussions).toHaveLength(1);

    const ticked = accepted(
      applyChange(
        discussed,
        {
          kind: 'tick-duty',
          input: { dutyId: 'feed-back', doneAt: '2026-11-02T12:40:00Z', method: 'email' },
        },
        at('12:45'),
      ),
    );
    expect(ticked.dutiesDone.map((duty) => duty.dutyId)).toEqual(['feed-back']);

    const moved = accepted(applyChange(ticked, { kind: 'move-to-next-step', input: {} }, at('13:00')));
    expect(moved.currentStepId).toBe('1b');

    const withdrawn = accepted(
      applyChange(moved, { kind: 'withdraw', input: { reason: 'Resolved informally.' } }, at('14:00')),
    );
    expect(withdrawn.status).toBe('withdrawn');

    const reopened = accepted(
      applyChange(withdrawn, { kind: 'reopen', input: { reason: 'Withdrawn in error.' } }, at('14:30')),
    );
    expect(reopened.status).toBe('open');

    const resolved = accepted(
      applyChange(
        reopened,
        {
          kind: 'resolve',
          input: {
            agreementReached: true,
            agreementReason: 'Agreed on the phone.',
            outcomeId: 'resolved',
            summary: 'Referral agreed.',
          },
        },
        at('15:00'),
      ),
    );
    expect(resolved.status).toBe('resolved');
  });

  it('returns the transition’s refusal', () => {
    const result = applyChange(
      startedEscalation(),
      { kind: 'move-ahead-of-timescale', input: { toStepId: '1a', reason: 'Urgent.' } },
      at('12:00'),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'not-ahead' } });
  });
});

describe('escalationChangeSchema', () => {
  it('accepts every change a panel sends and refuses an unknown kind', () => {
    const change: EscalationChange = { kind: 'reopen', input: { reason: 'New information.' } };
    expect(escalationChangeSchema.safeParse(change).success).toBe(true);
    expect(escalationChangeSchema.safeParse({ kind: 'delete', input: {} }).success).toBe(false);
    expect(escalationChangeSchema.safeParse({ kind: 'withdraw', input: { reason: '' } }).success).toBe(false);
  });
});
