import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Policy, panBerkshirePolicy } from '../policy';
import { type Escalation, escalationSchema } from './schema';
import {
  accepted,
  contextAt,
  discussionAt,
  draft,
  socialWorker,
  startContextAt,
  startedEscalation,
  teamManager,
} from './testing';
import {
  amendEntry,
  moveAheadOfTimescale,
  moveToNextStep,
  recordDiscussion,
  reopenEscalation,
  resolveEscalation,
  startEscalation,
  type TransitionResult,
  tickDuty,
  withdrawEscalation,
} from './transitions';

function refusal(result: TransitionResult) {
  if (result.ok) throw new Error('expected the change to be refused');
  return result.error;
}

/** Freezes every level, so a transition that changed its input would throw. */
function frozen<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const entry of Object.values(value)) frozen(entry);
    Object.freeze(value);
  }
  return value;
}

const tue = (time: string) => `2026-11-03T${time}:00Z`;
const wed = (time: string) => `2026-11-04T${time}:00Z`;

function discussedAt1a(): Escalation {
  return accepted(recordDiscussion(startedEscalation(), discussionAt(tue('11:00')), contextAt(tue('11:30'))));
}

function atStage2(): Escalation {
  const at1b = accepted(moveToNextStep(discussedAt1a(), {}, contextAt(tue('12:00'))));
  const discussed = accepted(recordDiscussion(at1b, discussionAt(wed('10:00')), contextAt(wed('10:30'))));
  return accepted(moveToNextStep(discussed, {}, contextAt(wed('11:00'))));
}

function atStage4(): Escalation {
  let escalation = atStage2();
  for (const [day, next] of [
    ['2026-11-05', true],
    ['2026-11-06', true],
    ['2026-11-09', false],
  ] as const) {
    escalation = accepted(
      recordDiscussion(escalation, discussionAt(`${day}T10:00:00Z`), contextAt(`${day}T10:30:00Z`)),
    );
    if (next) escalation = accepted(moveToNextStep(escalation, {}, contextAt(`${day}T11:00:00Z`)));
  }
  return escalation;
}

const resolution = {
  agreementReached: true,
  agreementReason: 'Agreed on the phone.',
  outcomeId: 'resolved',
  summary: 'Health agreed to refer to children’s social care today.',
};

function resolvedAt1a(): Escalation {
  return accepted(resolveEscalation(discussedAt1a(), resolution, contextAt(tue('12:00'))));
}

function withdrawn(): Escalation {
  return accepted(
    withdrawEscalation(
      startedEscalation(),
      { reason: 'New information explains the bruise.' },
      contextAt(tue('09:00')),
    ),
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('startEscalation', () => {
  it('starts at the first step, entered when the difference of opinion started', () => {
    const escalation = startedEscalation();
    expect(escalation).toMatchObject({
      schemaVersion: 1,
      revision: 1,
      id: 'esc-1',
      status: 'open',
      track: 'standard',
      currentStepId: '1a',
      policy: { id: 'pan-berkshire', version: 'March 2026' },
      raisedBy: socialWorker,
      stepsEntered: [{ stepId: '1a', stage: 1, enteredAt: '2026-11-02T10:30:00.000Z', route: 'start' }],
      discussions: [],
      dutiesDone: [],
    });
    expect(escalation.events).toEqual([
      {
        at: '2026-11-02T10:45:00.000Z',
        by: socialWorker,
        kind: 'started',
        stepId: '1a',
        summary: 'Escalation started at step 1a (stage 1) on the standard track.',
      },
    ]);
    expect(escalationSchema.parse(escalation)).toEqual(escalation);
  });

  it('stores every time in UTC, whatever offset it was given with', () => {
    const escalation = accepted(
      startEscalation(
        { ...draft, differenceStartedAt: '2026-11-02T11:30:00+01:00' },
        startContextAt('2026-11-02T10:45:00Z'),
      ),
    );
    expect(escalation.differenceStartedAt).toBe('2026-11-02T10:30:00.000Z');
    expect(escalation.imminentRisk.answeredAt).toBe('2026-11-02T10:40:00.000Z');
  });

  it('keeps the person named as raising it, who may not be the person entering it', () => {
    const escalation = accepted(
      startEscalation({ ...draft, raisedBy: teamManager }, startContextAt('2026-11-02T10:45:00Z')),
    );
    expect(escalation.raisedBy).toEqual(teamManager);
    expect(escalation.events[0]?.by).toEqual(socialWorker);
  });

  it('takes the time from the context, never the clock', () => {
    vi.useFakeTimers({ now: new Date('2031-01-01T00:00:00Z') });
    expect(startedEscalation().events[0]?.at).toBe('2026-11-02T10:45:00.000Z');
  });

  it('refuses a difference of opinion that starts in the future', () => {
    const error = refusal(startEscalation(draft, startContextAt('2026-11-02T10:00:00Z')));
    expect(error).toEqual({
      code: 'in-the-future',
      message: 'The difference of opinion cannot start in the future.',
    });
  });

  it('refuses a draft made for another version of the policy', () => {
    const error = refusal(
      startEscalation(
        { ...draft, policy: { id: 'pan-berkshire', version: 'June 2027' } },
        startContextAt(wed('10:00')),
      ),
    );
    expect(error.code).toBe('policy-mismatch');
    expect(error.message).toContain('keeps the policy it started under');
  });

  it('refuses a reason that is not one of the policy’s categories', () => {
    const error = refusal(
      startEscalation(
        { ...draft, concern: { ...draft.concern, reasonCategory: 'parking' } },
        startContextAt(wed('10:00')),
      ),
    );
    expect(error).toEqual({
      code: 'unknown-reason-category',
      message:
        '"parking" is not one of the reasons for escalation in Pan Berkshire: Resolving Professional Disagreement and Escalation.',
    });
  });

  it('refuses a draft without facts, saying what is missing', () => {
    const error = refusal(
      startEscalation({ ...draft, concern: { ...draft.concern, facts: [] } }, startContextAt(wed('10:00'))),
    );
    expect(error).toEqual({
      code: 'invalid-input',
      message:
        'Some details need correcting. concern › facts: give at least one fact and where it comes from.',
    });
  });

  it('refuses imminent risk answered yes without saying what was done', () => {
    const error = refusal(
      startEscalation(
        { ...draft, imminentRisk: { atRisk: true, answeredAt: '2026-11-02T10:40:00Z' } },
        startContextAt(wed('10:00')),
      ),
    );
    expect(error.message).toContain('imminentRisk › actionTaken: say what was done about the imminent risk');
  });

  it('refuses an imminent-risk answer dated in the future', () => {
    const error = refusal(
      startEscalation(
        { ...draft, imminentRisk: { atRisk: false, answeredAt: '2026-11-02T11:00:00Z' } },
        startContextAt('2026-11-02T10:45:00Z'),
      ),
    );
    expect(error.code).toBe('in-the-future');
  });
});

describe('recordDiscussion', () => {
  it('records a discussion at the current step, with numbered actions, and counts the revision', () => {
    const before = frozen(startedEscalation());
    const escalation = accepted(
      recordDiscussion(before, discussionAt(tue('11:00')), contextAt(tue('11:30'))),
    );
    expect(escalation.revision).toBe(2);
    expect(escalation.discussions).toEqual([
      expect.objectContaining({
        id: 'd1',
        stepId: '1a',
        heldAt: '2026-11-03T11:00:00.000Z',
        recordedAt: '2026-11-03T11:30:00.000Z',
        recordedBy: socialWorker,
        agreedActions: [
          {
            id: 'd1-a1',
            action: 'Share the nursery attendance record.',
            owner: 'Sam Patel',
            dueOn: '2026-11-04',
          },
        ],
      }),
    ]);
    expect(escalation.events.slice(0, 1)).toEqual(before.events);
    expect(escalation.events[1]).toMatchObject({
      kind: 'discussion-recorded',
      discussionId: 'd1',
      stepId: '1a',
      summary: 'Discussion 1 (call) recorded at step 1a (stage 1).',
    });
    expect(escalationSchema.parse(escalation)).toEqual(escalation);
  });

  it('refuses a discussion dated before the difference of opinion started', () => {
    const error = refusal(
      recordDiscussion(startedEscalation(), discussionAt('2026-11-02T10:00:00Z'), contextAt(tue('11:30'))),
    );
    expect(error).toEqual({
      code: 'before-start',
      message: 'A discussion cannot be before the difference of opinion started.',
    });
  });

  it('refuses a discussion dated in the future', () => {
    const error = refusal(
      recordDiscussion(startedEscalation(), discussionAt(tue('12:00')), contextAt(tue('11:30'))),
    );
    expect(error).toEqual({ code: 'in-the-future', message: 'A discussion cannot be in the future.' });
  });

  it('refuses a discussion with nobody named from the other agency', () => {
    const error = refusal(
      recordDiscussion(
        startedEscalation(),
        discussionAt(tue('11:00'), { otherSide: [] }),
        contextAt(tue('11:30')),
      ),
    );
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain('otherSide: name at least one person from the other agency');
  });

  it('refuses to record on a resolved or withdrawn escalation', () => {
    expect(
      refusal(recordDiscussion(resolvedAt1a(), discussionAt(tue('11:00')), contextAt(tue('13:00')))),
    ).toEqual({
      code: 'not-open',
      message: 'This escalation has been resolved. Reopen it, giving the reason, before making changes.',
    });
    expect(
      refusal(recordDiscussion(withdrawn(), discussionAt(tue('08:00')), contextAt(tue('13:00')))).message,
    ).toBe('This escalation has been withdrawn. Reopen it, giving the reason, before making changes.');
  });

  it('refuses to act under a different policy version from the one pinned', () => {
    const later: Policy = { ...panBerkshirePolicy, version: 'March 2027' };
    const error = refusal(
      recordDiscussion(startedEscalation(), discussionAt(tue('11:00')), {
        ...contextAt(tue('11:30')),
        policy: later,
      }),
    );
    expect(error).toEqual({
      code: 'policy-mismatch',
      message:
        'This escalation runs under pan-berkshire version March 2026, but pan-berkshire version March 2027 was given. An open escalation keeps the policy it started under.',
    });
  });
});

describe('tickDuty', () => {
  it('ticks a duty of the current step with when and how', () => {
    const escalation = accepted(
      tickDuty(
        atStage2(),
        {
          dutyId: 'share-with-business-manager',
          doneAt: wed('15:00'),
          method: 'email',
          note: 'Sent to the PBSCP inbox',
        },
        contextAt(wed('15:10')),
      ),
    );
    expect(escalation.dutiesDone).toEqual([
      {
        stepId: '2',
        dutyId: 'share-with-business-manager',
        doneAt: '2026-11-04T15:00:00.000Z',
        method: 'email',
        note: 'Sent to the PBSCP inbox',
        recordedAt: '2026-11-04T15:10:00.000Z',
        recordedBy: socialWorker,
      },
    ]);
    expect(escalation.events.at(-1)).toMatchObject({
      kind: 'duty-done',
      dutyId: 'share-with-business-manager',
    });
  });

  it('refuses a duty the current step does not have', () => {
    const error = refusal(
      tickDuty(
        startedEscalation(),
        { dutyId: 'share-with-business-manager', doneAt: tue('09:00'), method: 'email' },
        contextAt(tue('10:00')),
      ),
    );
    expect(error).toEqual({
      code: 'unknown-duty',
      message: 'There is no duty "share-with-business-manager" at step 1a (stage 1).',
    });
  });

  it('refuses to tick the same duty twice', () => {
    const tick = { dutyId: 'feed-back', doneAt: tue('09:00'), method: 'call' } as const;
    const once = accepted(tickDuty(startedEscalation(), tick, contextAt(tue('10:00'))));
    const error = refusal(tickDuty(once, tick, contextAt(tue('10:05'))));
    expect(error.code).toBe('duty-already-done');
    expect(error.message).toContain('Amend that entry to correct it.');
  });

  it('records a duty of a step passed over, later, against that step, with who did it', () => {
    const atStage3 = accepted(
      moveAheadOfTimescale(
        startedEscalation(),
        { toStepId: '3', reason: 'Injuries seen today.' },
        contextAt(tue('09:00')),
      ),
    );
    const escalation = accepted(
      tickDuty(
        atStage3,
        {
          stepId: '2',
          dutyId: 'share-with-business-manager',
          doneAt: tue('09:30'),
          doneBy: 'Priya Shah, Team Manager',
          method: 'email',
        },
        contextAt(wed('10:00')),
      ),
    );
    expect(escalation.dutiesDone).toEqual([
      {
        stepId: '2',
        dutyId: 'share-with-business-manager',
        doneAt: '2026-11-03T09:30:00.000Z',
        doneBy: 'Priya Shah, Team Manager',
        method: 'email',
        recordedAt: '2026-11-04T10:00:00.000Z',
        recordedBy: socialWorker,
      },
    ]);
    expect(escalation.events.at(-1)).toMatchObject({
      kind: 'duty-done',
      stepId: '2',
      dutyId: 'share-with-business-manager',
      summary:
        'Duty done at step 2 (stage 2), recorded later at step 3 (stage 3): The details should also be shared with the Safeguarding Children Partnership Business Manager as evidence of escalation.',
    });
    // The same duty at stage 3 is a different duty, still to do.
    const stage3 = accepted(
      tickDuty(
        escalation,
        { dutyId: 'share-with-business-manager', doneAt: wed('09:00'), method: 'email' },
        contextAt(wed('10:05')),
      ),
    );
    expect(stage3.dutiesDone.map((done) => `${done.stepId} ${done.dutyId}`)).toEqual([
      '2 share-with-business-manager',
      '3 share-with-business-manager',
    ]);
  });

  it('refuses a duty of a step not reached yet', () => {
    expect(
      refusal(
        tickDuty(
          startedEscalation(),
          { stepId: '2', dutyId: 'share-with-business-manager', doneAt: tue('09:00'), method: 'email' },
          contextAt(tue('10:00')),
        ),
      ),
    ).toEqual({
      code: 'step-not-reached',
      message: 'The escalation has not reached step 2 (stage 2) yet, so its duties cannot be recorded.',
    });
  });

  it('asks what was decided when a multi-agency case review was considered', () => {
    const atStage4 = accepted(
      moveAheadOfTimescale(
        startedEscalation(),
        { toStepId: '4', reason: 'Deadlock.' },
        contextAt(tue('09:00')),
      ),
    );
    const consider = { dutyId: 'consider-case-review', doneAt: tue('09:30'), method: 'meeting' } as const;
    expect(refusal(tickDuty(atStage4, consider, contextAt(tue('10:00')))).code).toBe('decision-missing');
    const decided = accepted(
      tickDuty(
        atStage4,
        { ...consider, note: 'A review will be held; referred to the partnership.' },
        contextAt(tue('10:00')),
      ),
    );
    expect(decided.dutiesDone.at(-1)).toMatchObject({
      stepId: '4',
      dutyId: 'consider-case-review',
      note: 'A review will be held; referred to the partnership.',
    });
  });

  it('records the policy-gap referral at whatever step the gap shows', () => {
    const referred = accepted(
      tickDuty(
        startedEscalation(),
        { dutyId: 'refer-policy-gap', doneAt: tue('09:00'), method: 'email' },
        contextAt(tue('10:00')),
      ),
    );
    expect(referred.dutiesDone.at(-1)).toMatchObject({ stepId: '1a', dutyId: 'refer-policy-gap' });
  });

  it('refuses a duty done in the future', () => {
    const error = refusal(
      tickDuty(
        startedEscalation(),
        { dutyId: 'feed-back', doneAt: tue('11:00'), method: 'call' },
        contextAt(tue('10:00')),
      ),
    );
    expect(error.code).toBe('in-the-future');
  });
});

describe('moveToNextStep', () => {
  it('moves to the next step, entered when it moved', () => {
    const escalation = accepted(
      moveToNextStep(discussedAt1a(), { at: tue('11:45') }, contextAt(tue('12:00'))),
    );
    expect(escalation.currentStepId).toBe('1b');
    expect(escalation.stepsEntered.at(-1)).toEqual({
      stepId: '1b',
      stage: 1,
      enteredAt: '2026-11-03T11:45:00.000Z',
      route: 'next-step',
      skippedStepIds: [],
    });
    expect(escalation.events.at(-1)).toMatchObject({
      kind: 'moved-to-next-step',
      stepId: '1b',
      at: '2026-11-03T12:00:00.000Z',
      summary: 'Moved on from step 1a (stage 1) to step 1b (stage 1).',
    });
    expect(escalationSchema.parse(escalation)).toEqual(escalation);
  });

  it('refuses to move on before a discussion at the current step is recorded', () => {
    expect(refusal(moveToNextStep(startedEscalation(), {}, contextAt(tue('12:00'))))).toEqual({
      code: 'no-discussion-yet',
      message:
        'Record the discussion at step 1a (stage 1) before moving on. In an urgent case, move ahead of the timescale and give the reason.',
    });
  });

  it('refuses to escalate past stage 4, the last step', () => {
    expect(refusal(moveToNextStep(atStage4(), {}, contextAt('2026-11-09T12:00:00Z')))).toEqual({
      code: 'last-step',
      message:
        'Step 4 (stage 4) is the last step of Pan Berkshire: Resolving Professional Disagreement and Escalation; the escalation cannot go further. Record the resolution instead.',
    });
  });

  it('refuses a move dated before the current step was reached, naming both times', () => {
    const at1b = accepted(moveToNextStep(discussedAt1a(), {}, contextAt(tue('12:00'))));
    expect(
      refusal(
        moveAheadOfTimescale(
          at1b,
          { toStepId: '2', reason: 'Urgent.', at: tue('11:55') },
          contextAt(tue('13:00')),
        ),
      ),
    ).toEqual({
      code: 'out-of-order',
      message:
        'Moving on cannot be dated Tue 3 Nov 2026, 11:55, before the escalation reached step 1b on Tue 3 Nov 2026, 12:00.',
    });
  });

  it('refuses a move dated before the discussion it follows', () => {
    // 1a was reached at the start (Mon 10:30); its discussion was at Tue 11:00.
    expect(refusal(moveToNextStep(discussedAt1a(), { at: tue('10:45') }, contextAt(tue('12:00'))))).toEqual({
      code: 'out-of-order',
      message:
        'Moving on cannot be dated Tue 3 Nov 2026, 10:45, before the discussion at step 1a held on Tue 3 Nov 2026, 11:00.',
    });
    expect(
      refusal(
        moveAheadOfTimescale(
          discussedAt1a(),
          { toStepId: '3', reason: 'Urgent.', at: tue('10:45') },
          contextAt(tue('12:00')),
        ),
      ).code,
    ).toBe('out-of-order');
  });

  it('takes a discussion entered for the minute its step was reached, since times are entered to the minute', () => {
    const at1b = accepted(moveToNextStep(discussedAt1a(), {}, contextAt('2026-11-03T12:00:35Z')));
    expect(
      accepted(recordDiscussion(at1b, discussionAt(tue('12:00')), contextAt(tue('12:05')))).discussions,
    ).toHaveLength(2);
  });

  it('refuses a discussion dated before its step was reached, when recorded or amended', () => {
    const at1b = accepted(moveToNextStep(discussedAt1a(), {}, contextAt(tue('12:00'))));
    expect(refusal(recordDiscussion(at1b, discussionAt(tue('11:50')), contextAt(tue('13:00'))))).toEqual({
      code: 'out-of-order',
      message:
        'A discussion at step 1b cannot be dated Tue 3 Nov 2026, 11:50, before the escalation reached step 1b on Tue 3 Nov 2026, 12:00.',
    });
    const discussed = accepted(recordDiscussion(at1b, discussionAt(tue('12:30')), contextAt(tue('13:00'))));
    const discussionId = discussed.discussions.at(-1)?.id ?? '';
    expect(
      refusal(
        amendEntry(
          discussed,
          { entry: 'discussion', discussionId, changes: { heldAt: tue('11:50') }, reason: 'Time was wrong.' },
          contextAt(tue('13:30')),
        ),
      ).code,
    ).toBe('out-of-order');
  });

  it('refuses a move dated in the future', () => {
    expect(refusal(moveToNextStep(discussedAt1a(), { at: tue('13:00') }, contextAt(tue('12:00')))).code).toBe(
      'in-the-future',
    );
  });
});

describe('moveAheadOfTimescale', () => {
  const reason = 'Child seen with a new injury; waiting a working day is not safe.';

  it('moves ahead within the stages, passing over steps, and puts the escalation on the urgent track', () => {
    const escalation = accepted(
      moveAheadOfTimescale(startedEscalation(), { toStepId: '2', reason }, contextAt('2026-11-02T11:00:00Z')),
    );
    expect(escalation.track).toBe('urgent');
    expect(escalation.currentStepId).toBe('2');
    expect(escalation.stepsEntered.at(-1)).toEqual({
      stepId: '2',
      stage: 2,
      enteredAt: '2026-11-02T11:00:00.000Z',
      route: 'ahead-of-timescale',
      reason,
      skippedStepIds: ['1b'],
    });
    expect(escalation.events.at(-1)).toMatchObject({
      kind: 'moved-ahead-of-timescale',
      reason,
      summary:
        'Moved ahead of the timescale from step 1a (stage 1) to step 2 (stage 2), passing over step 1b.',
    });
  });

  it('requires a reason', () => {
    const error = refusal(
      moveAheadOfTimescale(startedEscalation(), { toStepId: '2', reason: ' ' }, contextAt(tue('09:00'))),
    );
    expect(error).toEqual({
      code: 'invalid-input',
      message: 'Some details need correcting. reason: must not be empty.',
    });
  });

  it('moves from step 1a straight to stage 3, passing over step 1b and stage 2, as the procedure allows', () => {
    const escalation = accepted(
      moveAheadOfTimescale(startedEscalation(), { toStepId: '3', reason }, contextAt(tue('09:00'))),
    );
    expect(escalation.currentStepId).toBe('3');
    expect(escalation.stepsEntered.at(-1)).toMatchObject({
      stepId: '3',
      stage: 3,
      route: 'ahead-of-timescale',
      reason,
      skippedStepIds: ['1b', '2'],
    });
    expect(escalation.events.at(-1)?.summary).toBe(
      'Moved ahead of the timescale from step 1a (stage 1) to step 3 (stage 3), passing over step 1b, 2.',
    );
  });

  it('refuses a step that is not ahead, or not in the policy', () => {
    expect(
      refusal(moveAheadOfTimescale(atStage2(), { toStepId: '1b', reason }, contextAt(wed('12:00')))).code,
    ).toBe('not-ahead');
    expect(
      refusal(moveAheadOfTimescale(atStage2(), { toStepId: '2', reason }, contextAt(wed('12:00')))).code,
    ).toBe('not-ahead');
    expect(
      refusal(moveAheadOfTimescale(atStage2(), { toStepId: '5', reason }, contextAt(wed('12:00')))),
    ).toEqual({
      code: 'unknown-step',
      message: 'Pan Berkshire: Resolving Professional Disagreement and Escalation has no step "5".',
    });
  });
});

describe('resolveEscalation', () => {
  it('resolves at the current step with an outcome that ends the escalation', () => {
    const escalation = resolvedAt1a();
    expect(escalation.status).toBe('resolved');
    expect(escalation.resolution).toEqual({ resolvedAt: '2026-11-03T12:00:00.000Z', ...resolution });
    expect(escalation.events.at(-1)).toMatchObject({
      kind: 'resolved',
      summary: 'Resolved at step 1a (stage 1): Resolved: agreement reached.',
    });
    expect(escalationSchema.parse(escalation)).toEqual(escalation);
  });

  it('refuses to resolve twice', () => {
    expect(refusal(resolveEscalation(resolvedAt1a(), resolution, contextAt(tue('13:00'))))).toEqual({
      code: 'already-resolved',
      message: 'This escalation has already been resolved.',
    });
  });

  it('refuses to resolve a withdrawn escalation', () => {
    expect(refusal(resolveEscalation(withdrawn(), resolution, contextAt(tue('13:00')))).code).toBe(
      'not-open',
    );
  });

  it('refuses an outcome that does not end the escalation, or is not in the policy', () => {
    expect(
      refusal(
        resolveEscalation(
          discussedAt1a(),
          { ...resolution, outcomeId: 'escalated' },
          contextAt(tue('12:00')),
        ),
      ),
    ).toEqual({
      code: 'outcome-does-not-end',
      message:
        '"Escalated to the next stage" does not end an escalation. Move to the next step instead, or choose an outcome that ends it.',
    });
    expect(
      refusal(
        resolveEscalation(discussedAt1a(), { ...resolution, outcomeId: 'agreed' }, contextAt(tue('12:00'))),
      ).code,
    ).toBe('unknown-outcome');
  });

  it('withdraws only through Withdraw', () => {
    expect(
      refusal(
        resolveEscalation(
          discussedAt1a(),
          { ...resolution, outcomeId: 'withdrawn' },
          contextAt(tue('12:00')),
        ),
      ),
    ).toEqual({
      code: 'outcome-by-withdrawing',
      message:
        '"Withdrawn by the professional who raised it" is recorded by withdrawing the escalation, with the reason, not by resolving it.',
    });
  });

  it('allows a stage-4 outcome only at stage 4, and never with agreement reached', () => {
    const unresolved = { agreementReached: false, outcomeId: 'unresolved', summary: 'Decision finalised.' };
    expect(refusal(resolveEscalation(discussedAt1a(), unresolved, contextAt(tue('12:00'))))).toEqual({
      code: 'outcome-not-at-this-stage',
      message: '"Unresolved after stage 4" can only be recorded at stage 4; the escalation is at stage 1.',
    });
    const atStage4 = accepted(
      moveAheadOfTimescale(discussedAt1a(), { toStepId: '4', reason: 'Deadlock.' }, contextAt(tue('12:00'))),
    );
    expect(accepted(resolveEscalation(atStage4, unresolved, contextAt(tue('12:30')))).status).toBe(
      'resolved',
    );
    expect(
      refusal(
        resolveEscalation(
          atStage4,
          { ...unresolved, agreementReached: true, agreementReason: 'x' },
          contextAt(tue('12:30')),
        ),
      ),
    ).toEqual({
      code: 'outcome-contradicts-agreement',
      message:
        '"Unresolved after stage 4" says agreement was not reached; the resolution says it was reached.',
    });
  });

  it('names the discussion, or the reason, where agreement was reached', () => {
    const { agreementReason: _reason, ...unexplained } = resolution;
    expect(refusal(resolveEscalation(discussedAt1a(), unexplained, contextAt(tue('12:00'))))).toEqual({
      code: 'agreement-unexplained',
      message:
        'Say where agreement was reached: the discussion it was reached at, or the reason it is known.',
    });
    expect(
      refusal(
        resolveEscalation(
          discussedAt1a(),
          { ...unexplained, agreedAtDiscussionId: 'd9' },
          contextAt(tue('12:00')),
        ),
      ).code,
    ).toBe('unknown-discussion');
    const atDiscussion = accepted(
      resolveEscalation(
        discussedAt1a(),
        { ...unexplained, agreedAtDiscussionId: 'd1' },
        contextAt(tue('12:00')),
      ),
    );
    expect(atDiscussion.resolution).toMatchObject({ agreementReached: true, agreedAtDiscussionId: 'd1' });
  });

  it('refuses a resolution dated in the future', () => {
    expect(
      refusal(
        resolveEscalation(
          discussedAt1a(),
          { ...resolution, resolvedAt: tue('13:00') },
          contextAt(tue('12:00')),
        ),
      ).code,
    ).toBe('in-the-future');
  });
});

describe('withdrawEscalation', () => {
  it('withdraws with a reason', () => {
    const escalation = withdrawn();
    expect(escalation.status).toBe('withdrawn');
    expect(escalation.withdrawal).toEqual({
      withdrawnAt: '2026-11-03T09:00:00.000Z',
      reason: 'New information explains the bruise.',
    });
    expect(escalation.events.at(-1)).toMatchObject({
      kind: 'withdrawn',
      reason: 'New information explains the bruise.',
    });
    expect(escalationSchema.parse(escalation)).toEqual(escalation);
  });

  it('requires a reason', () => {
    expect(
      refusal(withdrawEscalation(startedEscalation(), { reason: '' }, contextAt(tue('09:00')))).code,
    ).toBe('invalid-input');
  });

  it('refuses to withdraw an escalation already withdrawn or resolved', () => {
    expect(refusal(withdrawEscalation(withdrawn(), { reason: 'Again' }, contextAt(tue('10:00')))).code).toBe(
      'not-open',
    );
    expect(
      refusal(withdrawEscalation(resolvedAt1a(), { reason: 'Again' }, contextAt(tue('13:00')))).code,
    ).toBe('not-open');
  });
});

describe('reopenEscalation', () => {
  it('reopens a resolved escalation at the step it ended on, keeping the resolution in the log', () => {
    const resolved = resolvedAt1a();
    const escalation = accepted(
      reopenEscalation(resolved, { reason: 'The referral was not made after all.' }, contextAt(wed('09:00'))),
    );
    expect(escalation.status).toBe('open');
    expect(escalation.resolution).toBeUndefined();
    expect(escalation.currentStepId).toBe('1a');
    expect(escalation.revision).toBe(resolved.revision + 1);
    expect(escalation.events.at(-1)).toMatchObject({
      kind: 'reopened',
      reason: 'The referral was not made after all.',
      replaced: { entry: 'resolution', before: resolved.resolution },
    });
    expect(escalationSchema.parse(escalation)).toEqual(escalation);
  });

  it('reopens a withdrawn escalation', () => {
    const escalation = accepted(
      reopenEscalation(withdrawn(), { reason: 'Bruise seen again.' }, contextAt(wed('09:00'))),
    );
    expect(escalation.status).toBe('open');
    expect(escalation.withdrawal).toBeUndefined();
    expect(escalation.events.at(-1)?.replaced?.entry).toBe('withdrawal');
  });

  it('refuses to reopen an open escalation', () => {
    expect(refusal(reopenEscalation(startedEscalation(), { reason: 'x' }, contextAt(wed('09:00'))))).toEqual({
      code: 'already-open',
      message: 'This escalation is already open.',
    });
  });
});

describe('amendEntry', () => {
  const reason = 'Wrong time entered; the call was at 11:15.';

  it('amends a discussion, keeping the original in the event log', () => {
    const before = discussedAt1a();
    const escalation = accepted(
      amendEntry(
        before,
        { entry: 'discussion', discussionId: 'd1', changes: { heldAt: tue('11:15') }, reason },
        contextAt(tue('14:00'), teamManager),
      ),
    );
    expect(escalation.discussions[0]).toEqual({
      ...before.discussions[0],
      heldAt: '2026-11-03T11:15:00.000Z',
    });
    expect(escalation.events.slice(0, -1)).toEqual(before.events);
    expect(escalation.events.at(-1)).toEqual({
      at: '2026-11-03T14:00:00.000Z',
      by: teamManager,
      kind: 'amended',
      stepId: '1a',
      discussionId: 'd1',
      summary: 'Discussion 1 at step 1a amended.',
      reason,
      replaced: { entry: 'discussion', before: before.discussions[0] },
    });
    expect(escalationSchema.parse(escalation)).toEqual(escalation);
  });

  it('renumbers agreed actions when they are replaced', () => {
    const escalation = accepted(
      amendEntry(
        discussedAt1a(),
        {
          entry: 'discussion',
          discussionId: 'd1',
          changes: {
            agreedActions: [
              { action: 'Book a strategy discussion.', owner: 'Jo Okafor', dueOn: '2026-11-05' },
              { action: 'Share the nursery attendance record.', owner: 'Sam Patel', dueOn: '2026-11-04' },
            ],
          },
          reason: 'An action was left out.',
        },
        contextAt(tue('14:00')),
      ),
    );
    expect(escalation.discussions[0]?.agreedActions.map((action) => action.id)).toEqual(['d1-a1', 'd1-a2']);
  });

  it('amends a ticked duty and the concern', () => {
    const ticked = accepted(
      tickDuty(
        startedEscalation(),
        { dutyId: 'feed-back', doneAt: tue('09:00'), method: 'call' },
        contextAt(tue('10:00')),
      ),
    );
    const dutyAmended = accepted(
      amendEntry(
        ticked,
        {
          entry: 'duty',
          stepId: '1a',
          dutyId: 'feed-back',
          changes: { method: 'email' },
          reason: 'It was by email.',
        },
        contextAt(tue('10:30')),
      ),
    );
    expect(dutyAmended.dutiesDone[0]?.method).toBe('email');
    expect(dutyAmended.events.at(-1)?.replaced).toEqual({ entry: 'duty', before: ticked.dutiesDone[0] });

    const concernAmended = accepted(
      amendEntry(
        dutyAmended,
        { entry: 'concern', changes: { childsVoice: '“Mum shouts at night.”' }, reason: 'Quoted exactly.' },
        contextAt(tue('10:40')),
      ),
    );
    expect(concernAmended.concern).toEqual({ ...dutyAmended.concern, childsVoice: '“Mum shouts at night.”' });
    expect(concernAmended.revision).toBe(dutyAmended.revision + 1);
  });

  it('requires a reason and a change', () => {
    expect(
      refusal(
        amendEntry(
          discussedAt1a(),
          { entry: 'discussion', discussionId: 'd1', changes: { summary: 'x' }, reason: '' },
          contextAt(tue('14:00')),
        ),
      ).code,
    ).toBe('invalid-input');
    expect(
      refusal(
        amendEntry(
          discussedAt1a(),
          { entry: 'discussion', discussionId: 'd1', changes: {}, reason },
          contextAt(tue('14:00')),
        ),
      ).message,
    ).toBe('Some details need correcting. changes: say what is being changed.');
  });

  it('refuses to amend an entry that does not exist', () => {
    expect(
      refusal(
        amendEntry(
          discussedAt1a(),
          { entry: 'discussion', discussionId: 'd9', changes: { summary: 'x' }, reason },
          contextAt(tue('14:00')),
        ),
      ),
    ).toEqual({ code: 'unknown-discussion', message: 'There is no discussion "d9" to amend.' });
    expect(
      refusal(
        amendEntry(
          discussedAt1a(),
          { entry: 'duty', stepId: '1a', dutyId: 'feed-back', changes: { method: 'call' }, reason },
          contextAt(tue('14:00')),
        ),
      ).code,
    ).toBe('unknown-duty');
  });

  it('refuses an amendment that dates a discussion in the future or before the start', () => {
    for (const heldAt of [tue('15:00'), '2026-11-01T09:00:00Z']) {
      const result = amendEntry(
        discussedAt1a(),
        { entry: 'discussion', discussionId: 'd1', changes: { heldAt }, reason },
        contextAt(tue('14:00')),
      );
      expect(refusal(result).code).toMatch(/in-the-future|before-start/);
    }
  });

  it('refuses a concern amended to a reason the policy does not have', () => {
    expect(
      refusal(
        amendEntry(
          startedEscalation(),
          { entry: 'concern', changes: { reasonCategory: 'parking' }, reason },
          contextAt(tue('14:00')),
        ),
      ).code,
    ).toBe('unknown-reason-category');
  });

  it('refuses to amend a resolved escalation; reopen it first', () => {
    expect(
      refusal(
        amendEntry(
          resolvedAt1a(),
          { entry: 'discussion', discussionId: 'd1', changes: { summary: 'x' }, reason },
          contextAt(tue('14:00')),
        ),
      ).code,
    ).toBe('not-open');
  });
});

describe('a resolved or withdrawn escalation', () => {
  const now = contextAt(wed('12:00'));
  const changes = {
    'record a discussion': (escalation: Escalation) =>
      recordDiscussion(escalation, discussionAt(tue('08:30')), now),
    'tick a duty': (escalation: Escalation) =>
      tickDuty(escalation, { dutyId: 'feed-back', doneAt: tue('08:30'), method: 'call' }, now),
    'move to the next step': (escalation: Escalation) => moveToNextStep(escalation, {}, now),
    'move ahead of the timescale': (escalation: Escalation) =>
      moveAheadOfTimescale(escalation, { toStepId: '2', reason: 'Urgent.' }, now),
    withdraw: (escalation: Escalation) => withdrawEscalation(escalation, { reason: 'Again.' }, now),
    amend: (escalation: Escalation) =>
      amendEntry(escalation, { entry: 'concern', changes: { impactOnChild: 'x' }, reason: 'Typo.' }, now),
  };

  for (const [change, apply] of Object.entries(changes)) {
    it(`refuses to ${change} until it is reopened`, () => {
      expect(refusal(apply(resolvedAt1a())).code).toBe('not-open');
      expect(refusal(apply(withdrawn())).code).toBe('not-open');
    });
  }
});

describe('the revision and the event log', () => {
  it('counts one revision and one event for every change, never rewriting earlier events', () => {
    const escalation = atStage4();
    expect(escalation.revision).toBe(escalation.events.length);
    expect(escalation.events.map((event) => event.kind)).toEqual([
      'started',
      'discussion-recorded',
      'moved-to-next-step',
      'discussion-recorded',
      'moved-to-next-step',
      'discussion-recorded',
      'moved-to-next-step',
      'discussion-recorded',
      'moved-to-next-step',
      'discussion-recorded',
    ]);
    expect(escalation.stepsEntered.map((entry) => entry.stepId)).toEqual(['1a', '1b', '2', '3', '4']);
  });
});
