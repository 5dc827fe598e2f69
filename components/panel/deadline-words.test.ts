import { describe, expect, it } from 'vitest';
import { calendarFor } from '@/lib/calendar';
import { deriveEscalationState, moveAheadOfTimescale, withdrawEscalation } from '@/lib/escalation';
import { accepted, contextAt, startedEscalation } from '@/lib/escalation/testing';
import { panBerkshirePolicy } from '@/lib/policy';
import { escalationAtStage2, resolvedEscalation } from '@/lib/record/examples';
import { stepName, stepStanding, summaryLine } from './deadline-words';

const calendar = calendarFor(panBerkshirePolicy);
const at = (iso: string) => ({ now: new Date(iso), calendar, leadWorkingDays: 0 });

function standings(escalation = startedEscalation(), now = '2026-11-02T12:00:00Z') {
  const state = deriveEscalationState(escalation, panBerkshirePolicy, new Date(now));
  return state.steps.map((progress) => stepStanding(progress, state, at(now)).words);
}

describe('deadline words', () => {
  it('names a step by stage, and by step only where a stage has more than one', () => {
    const [first, , second] = panBerkshirePolicy.steps;
    expect(first && stepName(first, panBerkshirePolicy.steps)).toBe('Stage 1, step 1a');
    expect(second && stepName(second, panBerkshirePolicy.steps)).toBe('Stage 2');
  });

  it('gives every state its own words', () => {
    expect(standings()).toEqual(['Due', 'To come', 'To come', 'To come', 'To come']);
    expect(standings(escalationAtStage2(), '2026-11-05T09:00:00Z')).toEqual([
      'Done',
      'Done',
      'Due soon',
      'To come',
      'To come',
    ]);
    expect(standings(resolvedEscalation(), '2026-11-06T09:00:00Z')).toEqual([
      'Done',
      'Done',
      'Done',
      'Not needed',
      'Not needed',
    ]);
    const urgent = accepted(
      moveAheadOfTimescale(
        startedEscalation(),
        { toStepId: '2', reason: 'Child seen with new injuries.' },
        contextAt('2026-11-02T12:00:00Z'),
      ),
    );
    expect(standings(urgent)).toEqual([
      'Passed over: moved ahead of the timescale',
      'Skipped: moved ahead of the timescale',
      'Due',
      'To come',
      'To come',
    ]);
    const withdrawn = accepted(
      withdrawEscalation(
        startedEscalation(),
        { reason: 'Resolved informally.' },
        contextAt('2026-11-02T12:00:00Z'),
      ),
    );
    expect(standings(withdrawn)[0]).toBe('Withdrawn at this step');
  });

  it('sums up the next step and its deadline in one line', () => {
    const escalation = startedEscalation();
    const line = (now: string) =>
      summaryLine(
        escalation,
        deriveEscalationState(escalation, panBerkshirePolicy, new Date(now)),
        panBerkshirePolicy.steps,
        at(now),
      );
    expect(line('2026-11-02T12:00:00Z')).toBe(
      'Stage 1, step 1a: discussion between the professionals involved. Due Tue 3 Nov, 17:00 (in 1 working day).',
    );
    expect(line('2026-11-03T16:00:00Z')).toMatch(/Due Tue 3 Nov, 17:00 \(today\)\.$/);
    expect(line('2026-11-03T17:20:00Z')).toMatch(/Was due Tue 3 Nov, 17:00 \(overdue by 20 minutes\)\.$/);
  });
});
