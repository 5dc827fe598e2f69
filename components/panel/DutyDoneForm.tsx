import { useId, useState } from 'react';
import {
  DateTimeField,
  ErrorSummary,
  RefusalAlert,
  SelectField,
  TextField,
} from '@/components/shared/Fields';
import { useFieldErrors } from '@/components/shared/useFieldErrors';
import { checkDutyForm, type DutyFormValues, type DutyRef } from './duty-form';
import { londonFieldsOf } from './london-time';
import { dutyMethods } from './methods';
import { type ChangeTarget, useChange } from './useChange';

const doneWords = {
  form: 'When and how',
  when: 'When it was done',
  how: 'How',
  note: '',
  save: 'Save as done',
  saved: 'Duty done',
};
const sentWords = {
  form: 'When and how it was sent',
  when: 'When it was sent',
  how: 'How it was sent',
  note: 'The prepared notification was sent.',
  save: 'Save as sent',
  saved: 'Notification sent',
};

/**
 * Records a step's duty as done, against that step: when, who did it (when
 * not the person recording it), how, and a note or, for a duty to consider
 * something, what was decided.
 */
export function DutyDoneForm({
  duty,
  dutyText,
  target,
  now,
  onClose,
  sent = false,
}: {
  duty: DutyRef;
  dutyText: string;
  target: ChangeTarget;
  now: () => Date;
  onClose(): void;
  /** A notification the practitioner says was sent: worded as sending, with a note that says so. */
  sent?: boolean;
}) {
  const words = sent ? sentWords : doneWords;
  const id = useId();
  const [values, setValues] = useState<DutyFormValues>(() => ({
    ...londonFieldsOf(now()),
    doneBy: '',
    method: 'email',
    note: words.note,
  }));
  const { errors, show, formRef } = useFieldErrors();
  const change = useChange(target);
  return (
    <form
      ref={formRef}
      noValidate
      aria-label={`${words.form}: ${dutyText}`}
      onSubmit={(event) => {
        event.preventDefault();
        const checked = checkDutyForm(duty, values, new Date(target.escalation.differenceStartedAt), now());
        if (!checked.ok) return show(checked.errors);
        show({});
        void change.save({ kind: 'tick-duty', input: checked.value }, `${words.saved}: ${dutyText}`);
      }}
    >
      <ErrorSummary count={Object.keys(errors).length} />
      <DateTimeField
        id={`${id}-done`}
        legend={words.when}
        date={values.date}
        time={values.time}
        error={errors.done}
        onChange={(when) => setValues((current) => ({ ...current, ...when }))}
      />
      <TextField
        id={`${id}-by`}
        label="Who did it"
        optional
        hint="Leave blank if it was you."
        value={values.doneBy}
        onChange={(doneBy) => setValues((current) => ({ ...current, doneBy }))}
      />
      <SelectField
        id={`${id}-method`}
        label={words.how}
        options={dutyMethods}
        value={values.method}
        onChange={(method) => {
          const chosen = dutyMethods.find((option) => option.value === method);
          if (chosen) setValues((current) => ({ ...current, method: chosen.value }));
        }}
      />
      {duty.decision ? (
        <TextField
          id={`${id}-note`}
          label="What was decided"
          multiline
          value={values.note}
          error={errors.note}
          onChange={(note) => setValues((current) => ({ ...current, note }))}
        />
      ) : (
        <TextField
          id={`${id}-note`}
          label="Note"
          optional
          hint="For example, who was told."
          value={values.note}
          onChange={(note) => setValues((current) => ({ ...current, note }))}
        />
      )}
      <RefusalAlert message={change.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={change.pending}>
          {words.save}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
