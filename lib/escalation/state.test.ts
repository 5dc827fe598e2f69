import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../calendar';
import { type Policy, panBerkshirePolicy } from '../policy';
import { escalationAtStage2 } from '../record/examples';
import type { Escalation } from './schema';
import { deriveEscalationState, type EscalationState, nextStepDue } from './state';
import { accepted, contextAt, discussionAt, draft, startContextAt, startedEscalation } from './testing';
import {
  moveAheadOfTimescale,
  moveToNextStep,
  recordDiscussion,
  resolveEscalation,
  startEscalation,
  tickDuty,
  withdrawEscalation,
} from './transitions';

const at = (instant: string) => new Date(instant);
const stateAt = (escalation: Escalation, now: string, leadWorkingDays?: number) =>
  deriveEscalationState(
    escalation,
    panBerkshirePolicy,
    at(now),
    leadWorkingDays === undefined ? {} : { leadWorkingDays },
  );

function deadlines(state: EscalationState): Record<string, string | undefined> {
  return Object.fromEntries(
    state.steps.map((step) => [step.step.id, step.dueAt && formatDateTime(step.dueAt)]),
  );
}

function statuses(state: EscalationState): Record<string, string> {
  return Object.fromEntries(state.steps.map((step) => [step.step.id, step.status]));
}

const missedIds = (state: EscalationState) => state.missed.map((step) => step.step.id);
const openDutyIds = (state: EscalationState) => state.openDuties.map((progress) => progress.duty.id);

function discussedAndMovedTo1b(): Escalation {
  const discussed = accepted(
    recordDiscussion(
      startedEscalation(),
      discussionAt('2026-11-03T11:00:00Z'),
      contextAt('2026-11-03T11:30:00Z'),
    ),
  );
  return accepted(moveToNextStep(discussed, {}, contextAt('2026-11-03T12:00:00Z')));
}

function atStage2(): Escalation {
  const discussed = accepted(
    recordDiscussion(
      discussedAndMovedTo1b(),
      discussionAt('2026-11-04T10:00:00Z'),
      contextAt('2026-11-04T10:30:00Z'),
    ),
  );
  return accepted(moveToNextStep(discussed, {}, contextAt('2026-11-04T11:00:00Z')));
}

describe('deriveEscalationState', () => {
  it('gives every Pan Berkshire deadline counted from Mon 2 Nov 2026 10:30', () => {
    expect(deadlines(stateAt(startedEscalation(), '2026-11-02T10:45:00Z'))).toEqual({
      '1a': 'Tue 3 Nov 2026, 17:00',
      '1b': 'Wed 4 Nov 2026, 17:00',
      '2': 'Thu 5 Nov 2026, 17:00',
      '3': 'Fri 6 Nov 2026, 17:00',
      '4': 'Tue 10 Nov 2026, 17:00',
    });
  });

  it('counts working days over Christmas bank holidays, and over the change to summer time', () => {
    const startedAt = (differenceStartedAt: string, now: string) =>
      accepted(
        startEscalation(
          { ...draft, differenceStartedAt, imminentRisk: { atRisk: false, answeredAt: differenceStartedAt } },
          startContextAt(now),
        ),
      );
    const christmas = startedAt('2026-12-24T14:00:00Z', '2026-12-24T14:30:00Z');
    expect(deadlines(stateAt(christmas, '2026-12-24T14:30:00Z'))).toEqual({
      '1a': 'Tue 29 Dec 2026, 17:00',
      '1b': 'Wed 30 Dec 2026, 17:00',
      '2': 'Thu 31 Dec 2026, 17:00',
      '3': 'Mon 4 Jan 2027, 17:00',
      '4': 'Wed 6 Jan 2027, 17:00',
    });
    const spring = startedAt('2026-03-28T11:00:00Z', '2026-03-28T11:30:00Z');
    const state = stateAt(spring, '2026-03-28T11:30:00Z');
    expect(state.steps[0]?.dueAt).toEqual(at('2026-03-30T16:00:00Z'));
    expect(deadlines(state)['4']).toBe('Wed 8 Apr 2026, 17:00');
  });

  it('shows the first step as next, upcoming on the day it starts', () => {
    const state = stateAt(startedEscalation(), '2026-11-02T10:45:00Z');
    expect(state.currentStep.id).toBe('1a');
    expect(state.currentStage.number).toBe(1);
    expect(state.next?.step.id).toBe('1a');
    expect(state.next?.dueAt).toEqual(at('2026-11-03T17:00:00Z'));
    expect(state.next?.deadline).toEqual({ state: 'upcoming', overdue: false, text: 'due in 1 working day' });
    expect(statuses(state)).toEqual({
      '1a': 'current',
      '1b': 'to-come',
      '2': 'to-come',
      '3': 'to-come',
      '4': 'to-come',
    });
    expect(state.missed).toEqual([]);
  });

  it('counts a step as due soon on the day it is due, or earlier with a lead', () => {
    expect(stateAt(startedEscalation(), '2026-11-03T09:00:00Z').next?.deadline).toEqual({
      state: 'due-soon',
      overdue: false,
      text: 'due today at 17:00',
    });
    expect(stateAt(startedEscalation(), '2026-11-02T10:45:00Z', 1).next?.deadline?.state).toBe('due-soon');
  });

  it('marks the step overdue and missed once its deadline passes without a discussion', () => {
    const state = stateAt(startedEscalation(), '2026-11-03T20:00:00Z');
    expect(state.next?.deadline).toEqual({ state: 'overdue', overdue: true, text: 'overdue by 3 hours' });
    expect(missedIds(state)).toEqual(['1a']);
    expect(missedIds(stateAt(startedEscalation(), '2026-11-05T18:00:00Z'))).toEqual(['1a', '1b', '2']);
  });

  it('points to the following step once the current one has been discussed', () => {
    const discussed = accepted(
      recordDiscussion(
        startedEscalation(),
        discussionAt('2026-11-03T11:00:00Z'),
        contextAt('2026-11-03T11:30:00Z'),
      ),
    );
    const state = stateAt(discussed, '2026-11-03T11:30:00Z');
    expect(state.next?.step.id).toBe('1b');
    expect(state.next?.deadline?.text).toBe('due in 1 working day');
    expect(state.steps[0]).toMatchObject({
      status: 'current',
      happenedAt: at('2026-11-03T11:00:00Z'),
      met: true,
    });
  });

  it('calls a step done, at the time it moved on, once it was discussed and the escalation moved on', () => {
    const state = stateAt(discussedAndMovedTo1b(), '2026-11-03T12:00:00Z');
    expect(state.steps[0]).toMatchObject({
      status: 'done',
      enteredAt: at('2026-11-02T10:30:00Z'),
      happenedAt: at('2026-11-03T11:00:00Z'),
      doneAt: at('2026-11-03T12:00:00Z'),
      met: true,
      missed: false,
    });
    expect(state.next?.step.id).toBe('1b');
  });

  it('lists a step discussed after its deadline as missed, and the step after it as overdue', () => {
    const late = accepted(
      recordDiscussion(
        discussedAndMovedTo1b(),
        discussionAt('2026-11-05T10:00:00Z'),
        contextAt('2026-11-05T10:30:00Z'),
      ),
    );
    const state = stateAt(late, '2026-11-05T10:30:00Z');
    expect(state.steps[1]).toMatchObject({ met: false, missed: true });
    expect(missedIds(state)).toEqual(['1b']);
    expect(state.next).toMatchObject({ step: { id: '2' }, deadline: { state: 'due-soon' } });
  });

  it('lists the current step’s required duties still open, and ticks them off from discussions and duties', () => {
    const escalation = atStage2();
    expect(openDutyIds(stateAt(escalation, '2026-11-04T11:00:00Z'))).toEqual([
      'feed-back',
      'record-on-file',
      'share-with-business-manager',
    ]);

    const discussed = accepted(
      recordDiscussion(
        escalation,
        discussionAt('2026-11-04T14:00:00Z', { recordedOnFile: { raisingAgency: true, otherAgency: true } }),
        contextAt('2026-11-04T14:30:00Z'),
      ),
    );
    const afterDiscussion = stateAt(discussed, '2026-11-04T14:30:00Z');
    expect(openDutyIds(afterDiscussion)).toEqual(['share-with-business-manager']);
    expect(
      afterDiscussion.duties.find((progress) => progress.stepId === '2' && progress.duty.id === 'feed-back'),
    ).toMatchObject({ done: { at: at('2026-11-04T14:00:00Z'), via: 'discussion' } });

    const told = accepted(
      tickDuty(
        discussed,
        { dutyId: 'share-with-business-manager', doneAt: '2026-11-04T15:00:00Z', method: 'email' },
        contextAt('2026-11-04T15:05:00Z'),
      ),
    );
    const state = stateAt(told, '2026-11-04T15:05:00Z');
    expect(state.openDuties).toEqual([]);
    expect(state.duties.find((progress) => progress.duty.id === 'share-with-business-manager')?.done).toEqual(
      {
        at: at('2026-11-04T15:00:00Z'),
        via: 'ticked',
        method: 'email',
      },
    );
  });

  it('leaves optional duties out of the open duties', () => {
    const state = stateAt(atStage2(), '2026-11-04T11:00:00Z');
    expect(state.duties.map((progress) => `${progress.stepId}:${progress.duty.id}`)).toContain(
      '2:notify-independent-scrutineer',
    );
    expect(openDutyIds(state)).not.toContain('notify-independent-scrutineer');
  });

  it('ends with the resolution: the step resolved at is done, later steps are not needed, nothing is next', () => {
    const resolved = accepted(
      resolveEscalation(
        atStage2(),
        {
          agreementReached: true,
          agreementReason: 'Agreed on the phone.',
          outcomeId: 'resolved',
          summary: 'Referral made.',
        },
        contextAt('2026-11-05T09:00:00Z'),
      ),
    );
    const state = stateAt(resolved, '2026-11-12T09:00:00Z');
    expect(statuses(state)).toEqual({
      '1a': 'done',
      '1b': 'done',
      '2': 'done',
      '3': 'not-needed',
      '4': 'not-needed',
    });
    expect(state.steps[2]).toMatchObject({
      happenedAt: at('2026-11-05T09:00:00Z'),
      doneAt: at('2026-11-05T09:00:00Z'),
    });
    expect(state.next).toBeUndefined();
    expect(state.openDuties).toEqual([]);
    expect(state.missed).toEqual([]);
  });

  it('ends with a withdrawal at the step it was at, missed only if its deadline had already passed', () => {
    const withdrawn = accepted(
      withdrawEscalation(startedEscalation(), { reason: 'Explained.' }, contextAt('2026-11-04T09:00:00Z')),
    );
    const state = stateAt(withdrawn, '2026-11-20T09:00:00Z');
    expect(statuses(state)).toEqual({
      '1a': 'withdrawn',
      '1b': 'not-needed',
      '2': 'not-needed',
      '3': 'not-needed',
      '4': 'not-needed',
    });
    expect(missedIds(state)).toEqual(['1a']);
    expect(state.next).toBeUndefined();
  });

  it('never calls steps passed over ahead of the timescale missed', () => {
    const ahead = accepted(
      moveAheadOfTimescale(
        startedEscalation(),
        { toStepId: '2', reason: 'New injury.' },
        contextAt('2026-11-02T11:00:00Z'),
      ),
    );
    const state = stateAt(ahead, '2026-11-04T18:00:00Z');
    expect(statuses(state)).toMatchObject({ '1a': 'passed-over', '1b': 'skipped', '2': 'current' });
    expect(state.missed).toEqual([]);
    expect(state.next).toMatchObject({ step: { id: '2' }, deadline: { state: 'upcoming' } });
  });

  it('leaves out a deadline that counts from a step not yet completed', () => {
    const chained: Policy = {
      ...panBerkshirePolicy,
      steps: panBerkshirePolicy.steps.map((step) =>
        step.id === '1b'
          ? {
              ...step,
              timescale: { ...step.timescale, from: { from: 'step-completed' as const, stepId: '1a' } },
            }
          : step,
      ),
    };
    const state = deriveEscalationState(startedEscalation(), chained, at('2026-11-02T11:00:00Z'));
    expect(state.steps[1]?.dueAt).toBeUndefined();
    const moved = deriveEscalationState(discussedAndMovedTo1b(), chained, at('2026-11-03T12:00:00Z'));
    // Counted from 1a's completion on Tue 3 Nov: two working days later.
    expect(moved.steps[1]?.dueAt && formatDateTime(moved.steps[1].dueAt)).toBe('Thu 5 Nov 2026, 17:00');
  });

  it('counts organisation closures from the calendar given', () => {
    const state = deriveEscalationState(startedEscalation(), panBerkshirePolicy, at('2026-11-02T11:00:00Z'), {
      calendar: { closures: [{ date: '2026-11-03', name: 'Staff training day' }] },
    });
    expect(state.steps[0]?.dueAt && formatDateTime(state.steps[0].dueAt)).toBe('Wed 4 Nov 2026, 17:00');
  });

  it('refuses a policy version other than the one the escalation is pinned to', () => {
    const later: Policy = { ...panBerkshirePolicy, version: 'March 2027' };
    expect(() => deriveEscalationState(startedEscalation(), later, at('2026-11-02T11:00:00Z'))).toThrow(
      /runs under pan-berkshire March 2026/,
    );
  });
});

describe('nextStepDue', () => {
  it('gives exactly the full state’s next step and deadline, at every point of an escalation’s life', () => {
    const resolved = accepted(
      resolveEscalation(
        atStage2(),
        {
          agreementReached: true,
          agreementReason: 'Agreed on the phone.',
          outcomeId: 'resolved',
          summary: 'Referral made.',
        },
        contextAt('2026-11-05T09:00:00Z'),
      ),
    );
    const ahead = accepted(
      moveAheadOfTimescale(
        startedEscalation(),
        { toStepId: '2', reason: 'New injury.' },
        contextAt('2026-11-02T11:00:00Z'),
      ),
    );
    const escalations = [startedEscalation(), discussedAndMovedTo1b(), atStage2(), resolved, ahead];
    const moments = [
      '2026-11-02T11:00:00Z',
      '2026-11-04T16:59:00Z',
      '2026-11-09T09:00:00Z',
      '2026-12-24T12:00:00Z',
    ];
    for (const escalation of escalations) {
      for (const now of moments) {
        for (const options of [
          {},
          { leadWorkingDays: 2 },
          { calendar: { closures: [{ date: '2026-11-04' }] } },
        ]) {
          const next = deriveEscalationState(escalation, panBerkshirePolicy, at(now), options).next;
          expect(nextStepDue(escalation, panBerkshirePolicy, options.calendar)).toEqual(
            next && (next.dueAt ? { step: next.step, dueAt: next.dueAt } : { step: next.step }),
          );
        }
      }
    }
  });

  it('refuses a policy version other than the one the escalation is pinned to', () => {
    const later: Policy = { ...panBerkshirePolicy, version: 'March 2027' };
    expect(() => nextStepDue(startedEscalation(), later)).toThrow(/runs under pan-berkshire March 2026/);
  });

  describe('the milestones deadlines count from', () => {
    it('gives the calendar what has happened, for deadlines counted from later milestones', () => {
      const escalation = escalationAtStage2();
      const state = deriveEscalationState(escalation, panBerkshirePolicy, new Date('2026-11-05T09:00:00Z'));
      expect(state.deadlineHistory).toEqual({
        track: 'standard',
        stepsCompletedAt: { '1a': new Date('2026-11-03T12:00:00Z'), '1b': new Date('2026-11-04T11:00:00Z') },
        stagesEnteredAt: { 1: new Date('2026-11-02T10:30:00Z'), 2: new Date('2026-11-04T11:00:00Z') },
      });
    });
  });
});
