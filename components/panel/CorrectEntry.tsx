import { useId, useState } from 'react';
import { ErrorSummary, RefusalAlert, SelectField, TextField } from '@/components/shared/Fields';
import { useFieldErrors } from '@/components/shared/useFieldErrors';
import type { Policy } from '@/lib/policy';
import { type AmendFormValues, amendableEntries, checkAmendForm } from './amend-form';
import { type ChangeTarget, useChange } from './useChange';

/** Correcting an earlier entry, with the reason; the entry as it was stays in the history. */
export function CorrectEntry({ target, policy }: { target: ChangeTarget; policy: Policy }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Correct an entry</h3>
      <button type="button" aria-expanded={open} aria-controls={`${id}-form`} onClick={() => setOpen(!open)}>
        Correct an earlier entry
      </button>
      <div id={`${id}-form`}>
        {open && (
          <CorrectEntryForm
            policy={policy}
            target={{
              ...target,
              onSaved: (escalation, saved) => {
                setOpen(false);
                target.onSaved(escalation, saved);
              },
            }}
          />
        )}
      </div>
    </section>
  );
}

function CorrectEntryForm({ target, policy }: { target: ChangeTarget; policy: Policy }) {
  const id = useId();
  const entries = amendableEntries(target.escalation, policy);
  const first = entries[0];
  const [values, setValues] = useState<AmendFormValues>({
    entryId: first?.id ?? '',
    fieldKey: first?.fields[0]?.key ?? '',
    value: first?.fields[0]?.current ?? '',
    reason: '',
  });
  const { errors, show, formRef } = useFieldErrors();
  const change = useChange(target);
  const entry = entries.find((candidate) => candidate.id === values.entryId);
  // Choosing an entry or a field starts from its wording as it stands, to be edited.
  const choose = (entryId: string, fieldKey?: string) => {
    const chosen = entries.find((candidate) => candidate.id === entryId);
    const field = chosen?.fields.find((candidate) => candidate.key === fieldKey) ?? chosen?.fields[0];
    setValues((current) => ({
      ...current,
      entryId,
      fieldKey: field?.key ?? '',
      value: field?.current ?? '',
    }));
  };
  return (
    <form
      ref={formRef}
      noValidate
      aria-label="Correct an earlier entry"
      onSubmit={(event) => {
        event.preventDefault();
        const checked = checkAmendForm(values, entries);
        if (!checked.ok) return show(checked.errors);
        show({});
        void change.save({ kind: 'amend', input: checked.value }, 'Correction saved');
      }}
    >
      <ErrorSummary count={Object.keys(errors).length} />
      <SelectField
        id={`${id}-entry`}
        label="Entry to correct"
        options={entries.map((candidate) => ({ value: candidate.id, label: candidate.label }))}
        value={values.entryId}
        error={errors.entry}
        onChange={(entryId) => choose(entryId)}
      />
      <SelectField
        id={`${id}-field`}
        label="What to correct"
        options={(entry?.fields ?? []).map((field) => ({ value: field.key, label: field.label }))}
        value={values.fieldKey}
        error={errors.field}
        onChange={(fieldKey) => choose(values.entryId, fieldKey)}
      />
      <TextField
        id={`${id}-value`}
        label="Corrected wording"
        multiline
        value={values.value}
        error={errors.value}
        onChange={(value) => setValues((current) => ({ ...current, value }))}
      />
      <TextField
        id={`${id}-reason`}
        label="Why it is being corrected"
        hint="The entry as it was stays in the history with this reason."
        multiline
        value={values.reason}
        error={errors.reason}
        onChange={(reason) => setValues((current) => ({ ...current, reason }))}
      />
      <RefusalAlert message={change.error} />
      <button type="submit" className="primary" disabled={change.pending}>
        Save the correction
      </button>
    </form>
  );
}
