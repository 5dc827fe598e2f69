import { describe, expect, it } from 'vitest';
import { panBerkshirePolicy } from '@/lib/policy';
import { checkStartForm, emptyStartForm, type StartFormValues } from './start-form';

const now = new Date('2026-11-02T11:00:00Z');
const child = { system: 'Mosaic', recordId: 'M-1', displayName: 'Child B', recordUrl: 'not a web address' };
const context = { policy: panBerkshirePolicy, child, now, showChildNames: false };

function filled(change: Partial<StartFormValues> = {}): StartFormValues {
  return {
    ...emptyStartForm({ name: 'Sam Patel', role: 'Social Worker', agency: 'Reading CS' }, now),
    risk: { answer: 'no', answeredAt: '2026-11-02T10:59:00.000Z', actionTaken: '', urgent: false },
    agency: ' Thames Valley Police ',
    professionalName: 'PC Lee',
    professionalRole: 'Officer',
    reasonCategory: 'information-sharing',
    disagreedWith: 'Not sharing the incident log.',
    facts: [
      { fact: 'Two call-outs this week.', source: 'Police log' },
      { fact: '', source: '' },
    ],
    opinions: [{ opinion: 'Risk is rising.', whose: '' }],
    impactOnChild: 'Risk unassessed.',
    outcomeSought: 'The log is shared.',
    ...change,
  };
}

describe('checking the start form', () => {
  it('maps the answers to the start input, trimmed, with blank rows and optional answers left out', () => {
    const checked = checkStartForm(filled(), context);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    const { input, by, profile } = checked.value;
    expect(input.child).toEqual({ system: 'Mosaic', recordId: 'M-1' });
    expect(input.otherParty).toEqual({
      agency: 'Thames Valley Police',
      professional: { name: 'PC Lee', role: 'Officer' },
    });
    expect(input.concern.facts).toEqual([{ fact: 'Two call-outs this week.', source: 'Police log' }]);
    expect(input.concern.opinions).toEqual([{ opinion: 'Risk is rising.' }]);
    expect(input.concern).not.toHaveProperty('childsVoice');
    expect(input.differenceStartedAt).toBe('2026-11-02T11:00:00.000Z');
    expect(input.imminentRisk).toEqual({ atRisk: false, answeredAt: '2026-11-02T10:59:00.000Z' });
    expect(input.track).toBe('standard');
    expect(by).toEqual({ name: 'Sam Patel', role: 'Social Worker', agency: 'Reading CS' });
    expect(profile).toEqual(by);
  });

  it('keeps the child’s name only when names are shown', () => {
    const checked = checkStartForm(filled(), { ...context, showChildNames: true });
    expect(checked.ok && checked.value.input.child.displayName).toBe('Child B');
  });

  it('puts an urgent case on the urgent track only after a "yes"', () => {
    const risk = {
      answer: 'yes' as const,
      answeredAt: now.toISOString(),
      actionTaken: 'Told my lead.',
      urgent: true,
    };
    const checked = checkStartForm(filled({ risk }), context);
    expect(checked.ok && checked.value.input.track).toBe('urgent');
    expect(checked.ok && checked.value.input.imminentRisk.actionTaken).toBe('Told my lead.');
    const withoutAction = checkStartForm(filled({ risk: { ...risk, actionTaken: ' ' } }), context);
    expect(withoutAction.ok || withoutAction.errors['risk.actionTaken']).toMatch(/what you have done/);
  });

  it('says what to fix for each missing or wrong answer', () => {
    const checked = checkStartForm(
      filled({
        agency: '',
        reasonCategory: 'not-a-reason',
        facts: [{ fact: 'Seen at school.', source: '' }],
        opinions: [{ opinion: '', whose: 'The head teacher' }],
        startedDate: '2026-11-03',
      }),
      context,
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual({
      agency: 'Enter the other agency’s name.',
      reasonCategory: 'Choose the reason for the escalation.',
      'facts.0.source': 'Say where this fact comes from, for example a visit record or a report.',
      'opinions.0.opinion': 'Enter the opinion, or clear this row.',
      started:
        'The difference of opinion cannot start in the future. Enter a time no later than Mon 2 Nov 2026, 11:00.',
    });
  });

  it('asks for at least one fact', () => {
    const checked = checkStartForm(filled({ facts: [{ fact: '', source: '' }] }), context);
    expect(checked.ok || checked.errors['facts.0.fact']).toBe(
      'Give at least one fact and where it comes from.',
    );
  });
});
