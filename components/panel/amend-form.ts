import { type Checked, type FieldErrors, requiredText } from '@/components/shared/form-rules';
import { formatDateTime } from '@/lib/calendar';
import type { AmendInput, Escalation } from '@/lib/escalation';
import type { Policy } from '@/lib/policy';

/**
 * The entries a practitioner can correct from the panel, and the wording in
 * them that can be changed. Each correction keeps the entry as it was in the
 * history, with the reason.
 */

export interface AmendableField {
  key: string;
  label: string;
  current: string;
  /** The amendment that puts `value` in this field. */
  amend(value: string, reason: string): AmendInput;
}

export interface AmendableEntry {
  /** The value of the entry's option in the "entry to correct" list. */
  id: string;
  label: string;
  fields: AmendableField[];
}

type ConcernKey = 'disagreedWith' | 'impactOnChild' | 'childsVoice' | 'outcomeSought';
type DiscussionKey = 'otherAgencyPosition' | 'summary' | 'outcome';

export function amendableEntries(escalation: Escalation, policy: Policy): AmendableEntry[] {
  const { concern } = escalation;
  const concernField = (key: ConcernKey, label: string): AmendableField => ({
    key,
    label,
    current: concern[key] ?? '',
    amend: (value, reason) => ({ entry: 'concern', changes: { [key]: value }, reason }),
  });
  const entries: AmendableEntry[] = [
    {
      id: 'concern',
      label: 'The concern',
      fields: [
        concernField('disagreedWith', 'Decision, action or inaction disagreed with'),
        concernField('impactOnChild', 'Impact on the child'),
        concernField('childsVoice', 'The child’s voice'),
        concernField('outcomeSought', 'Outcome sought'),
      ],
    },
  ];
  escalation.discussions.forEach((discussion, index) => {
    const discussionField = (key: DiscussionKey, label: string): AmendableField => ({
      key,
      label,
      current: discussion[key],
      amend: (value, reason) => ({
        entry: 'discussion',
        discussionId: discussion.id,
        changes: { [key]: value },
        reason,
      }),
    });
    entries.push({
      id: `discussion:${discussion.id}`,
      label: `Discussion ${index + 1} (step ${discussion.stepId}, ${formatDateTime(new Date(discussion.heldAt))})`,
      fields: [
        discussionField('otherAgencyPosition', `${escalation.otherParty.agency}’s position`),
        discussionField('summary', 'Summary'),
        discussionField('outcome', 'Outcome'),
      ],
    });
  });
  for (const done of escalation.dutiesDone) {
    const duty = policy.steps
      .find((step) => step.id === done.stepId)
      ?.duties.find((candidate) => candidate.id === done.dutyId);
    entries.push({
      id: `duty:${done.stepId}:${done.dutyId}`,
      label: `Duty at step ${done.stepId}: ${duty?.text ?? done.dutyId}`,
      fields: [
        {
          key: 'note',
          label: 'Note on how it was done',
          current: done.note ?? '',
          amend: (value, reason) => ({
            entry: 'duty',
            stepId: done.stepId,
            dutyId: done.dutyId,
            changes: { note: value },
            reason,
          }),
        },
      ],
    });
  }
  return entries;
}

export interface AmendFormValues {
  entryId: string;
  fieldKey: string;
  value: string;
  reason: string;
}

export function checkAmendForm(
  values: AmendFormValues,
  entries: readonly AmendableEntry[],
): Checked<AmendInput> {
  const errors: FieldErrors = {};
  const entry = entries.find((candidate) => candidate.id === values.entryId);
  const field = entry?.fields.find((candidate) => candidate.key === values.fieldKey);
  if (!entry) errors.entry = 'Choose the entry to correct.';
  else if (!field) errors.field = 'Choose what to correct in it.';
  const value = requiredText(values.value, 'value', 'Enter the corrected wording.', errors);
  if (field && value !== '' && value === field.current.trim()) {
    errors.value = 'This is the same as the entry now. Change the wording, or close the correction.';
  }
  const reason = requiredText(values.reason, 'reason', 'Say why the entry is being corrected.', errors);
  if (!field || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: field.amend(value, reason) };
}
