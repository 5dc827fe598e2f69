import { describe, expect, it } from 'vitest';
import { panBerkshirePolicy } from '@/lib/policy';
import { escalationAtStage2 } from '@/lib/record/examples';
import { amendableEntries, checkAmendForm } from './amend-form';

const entries = amendableEntries(escalationAtStage2(), panBerkshirePolicy);

describe('correcting an entry', () => {
  it('offers the concern, each discussion and each ticked duty', () => {
    expect(entries.map((entry) => entry.label)).toEqual([
      'The concern',
      'Discussion 1 (step 1a, Tue 3 Nov 2026, 11:15)',
      'Discussion 2 (step 1b, Wed 4 Nov 2026, 10:00)',
      'Duty at step 2: The details should also be shared with the Safeguarding Children Partnership Business Manager as evidence of escalation.',
    ]);
  });

  it('builds the amendment for the chosen field, with the reason', () => {
    const checked = checkAmendForm(
      { entryId: 'discussion:d2', fieldKey: 'outcome', value: ' Not resolved. ', reason: 'Typo.' },
      entries,
    );
    expect(checked).toEqual({
      ok: true,
      value: {
        entry: 'discussion',
        discussionId: 'd2',
        changes: { outcome: 'Not resolved.' },
        reason: 'Typo.',
      },
    });
    const duty = checkAmendForm(
      {
        entryId: 'duty:2:share-with-business-manager',
        fieldKey: 'note',
        value: 'Sent by secure email',
        reason: 'Method.',
      },
      entries,
    );
    expect(duty.ok && duty.value).toMatchObject({
      entry: 'duty',
      stepId: '2',
      dutyId: 'share-with-business-manager',
    });
  });

  it('refuses an unchanged wording or a missing reason', () => {
    const current = entries[0]?.fields[0]?.current ?? '';
    expect(
      checkAmendForm({ entryId: 'concern', fieldKey: 'disagreedWith', value: current, reason: '' }, entries),
    ).toEqual({
      ok: false,
      errors: {
        value: 'This is the same as the entry now. Change the wording, or close the correction.',
        reason: 'Say why the entry is being corrected.',
      },
    });
  });
});
