import { describe, expect, it } from 'vitest';
import { startedEscalation } from '@/lib/escalation/testing';
import { checkDiscussionForm, type DiscussionFormValues, emptyDiscussionForm } from './discussion-form';

const escalation = startedEscalation();
const now = new Date('2026-11-03T12:00:00Z');

function filled(change: Partial<DiscussionFormValues> = {}): DiscussionFormValues {
  return {
    ...emptyDiscussionForm(escalation, { name: 'Sam Patel', role: 'Social Worker' }, now),
    heldTime: '11:00',
    otherAgencyPosition: 'Plausible explanation.',
    summary: 'Talked it through.',
    outcome: 'Not resolved.',
    ...change,
  };
}

describe('checking a discussion', () => {
  it('starts from the practitioner and the other professional, held now', () => {
    const blank = emptyDiscussionForm(escalation, { name: 'Sam Patel', role: 'Social Worker' }, now);
    expect(blank.heldDate).toBe('2026-11-03');
    expect(blank.heldTime).toBe('12:00');
    expect(blank.raisingSide).toEqual([{ name: 'Sam Patel', role: 'Social Worker' }]);
    expect(blank.otherSide).toEqual([{ name: 'Alex Jones', role: 'Health Visitor' }]);
  });

  it('maps the answers to the change, leaving out empty action rows', () => {
    const checked = checkDiscussionForm(filled({ fedBack: true, recordedOurs: true }), escalation, now);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    expect(checked.value).toMatchObject({
      heldAt: '2026-11-03T11:00:00.000Z',
      method: 'call',
      agreedActions: [],
      fedBack: true,
      recordedOnFile: { raisingAgency: true, otherAgency: false },
    });
  });

  it('refuses a time before the start or in the future, and half-filled rows', () => {
    const early = checkDiscussionForm(filled({ heldDate: '2026-11-02', heldTime: '09:00' }), escalation, now);
    expect(early.ok || early.errors.held).toBe(
      'A discussion cannot be before the difference of opinion started (Mon 2 Nov 2026, 10:30).',
    );
    const late = checkDiscussionForm(filled({ heldTime: '12:01' }), escalation, now);
    expect(late.ok || late.errors.held).toMatch(/cannot be in the future/);

    const partial = checkDiscussionForm(
      filled({
        otherSide: [{ name: '', role: '' }],
        agreedActions: [{ action: 'Share the log.', owner: '', dueOn: '2026-02-30' }],
      }),
      escalation,
      now,
    );
    expect(partial.ok || partial.errors).toEqual({
      'otherSide.0.name':
        'Name at least one person who took part for Berkshire Healthcare NHS Foundation Trust.',
      'agreedActions.0.owner': 'Say who will do it.',
      'agreedActions.0.dueOn': 'Enter a real date, for example 2026-11-06.',
    });
  });
});
