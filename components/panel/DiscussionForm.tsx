import { useId } from 'react';
import {
  CheckboxField,
  DateTimeField,
  ErrorSummary,
  RefusalAlert,
  SelectField,
  TextField,
} from '@/components/shared/Fields';
import { useFieldErrors } from '@/components/shared/useFieldErrors';
import {
  checkDiscussionForm,
  type DiscussionFormValues,
  discussionFormSchema,
  emptyDiscussionForm,
} from './discussion-form';
import { discussionMethods } from './methods';
import { RepeatingRows, withoutRow, withRow } from './RepeatingRows';
import { type ChangeTarget, useChange } from './useChange';
import { useDraft } from './useDraft';
import type { DraftStore } from './workspace-types';

type Participant = DiscussionFormValues['raisingSide'][number];

/** When, how and who; each side's position; what was agreed, by whom and by when. */
export function DiscussionForm({
  target,
  stepId,
  now,
  draftStore,
  onCancel,
}: {
  target: ChangeTarget;
  stepId: string;
  now: () => Date;
  draftStore: DraftStore;
  onCancel(): void;
}) {
  const id = useId();
  const { escalation, by } = target;
  const draft = useDraft(draftStore, `discussion:v1:${escalation.id}:${stepId}`, discussionFormSchema, () =>
    emptyDiscussionForm(escalation, by, now()),
  );
  const { errors, show, formRef } = useFieldErrors();
  const change = useChange(target);
  const values = draft.values;
  const set = (update: Partial<DiscussionFormValues>) =>
    draft.update((current) => ({ ...current, ...update }));
  const field = (key: string) => `${id}-${key}`;
  const ours = escalation.raisedBy.agency;
  const theirs = escalation.otherParty.agency;

  const people = (side: 'raisingSide' | 'otherSide', agency: string) => (
    <RepeatingRows<Participant>
      legend={`Who took part for ${agency}`}
      rows={values[side]}
      rowLabel={(index) => `Person ${index + 1} for ${agency}`}
      addLabel={`Add a person for ${agency}`}
      onAdd={() => set({ [side]: [...values[side], { name: '', role: '' }] })}
      onRemove={(index) => set({ [side]: withoutRow(values[side], index) })}
      renderRow={(row, index) => (
        <>
          <TextField
            id={field(`${side}.${index}.name`)}
            label="Name"
            value={row.name}
            error={errors[`${side}.${index}.name`]}
            onChange={(name) => set({ [side]: withRow(values[side], index, { name }) })}
          />
          <TextField
            id={field(`${side}.${index}.role`)}
            label="Role"
            value={row.role}
            error={errors[`${side}.${index}.role`]}
            onChange={(role) => set({ [side]: withRow(values[side], index, { role }) })}
          />
        </>
      )}
    />
  );

  return (
    <form
      ref={formRef}
      noValidate
      aria-label="Record a discussion"
      onSubmit={(event) => {
        event.preventDefault();
        const checked = checkDiscussionForm(values, escalation, now());
        if (!checked.ok) return show(checked.errors);
        show({});
        void change
          .save({ kind: 'record-discussion', input: checked.value }, 'Discussion recorded')
          .then((saved) => {
            if (saved) draft.clear();
          });
      }}
    >
      <ErrorSummary count={Object.keys(errors).length} />
      <DateTimeField
        id={field('held')}
        legend="When it was held"
        hint="UK time."
        date={values.heldDate}
        time={values.heldTime}
        error={errors.held}
        onChange={(when) =>
          set({
            ...(when.date === undefined ? {} : { heldDate: when.date }),
            ...(when.time === undefined ? {} : { heldTime: when.time }),
          })
        }
      />
      <SelectField
        id={field('method')}
        label="How"
        options={discussionMethods}
        value={values.method}
        onChange={(method) => {
          const chosen = discussionMethods.find((option) => option.value === method);
          if (chosen) set({ method: chosen.value });
        }}
      />
      {people('raisingSide', ours)}
      {people('otherSide', theirs)}
      <TextField
        id={field('otherAgencyPosition')}
        label={`${theirs}’s position`}
        multiline
        value={values.otherAgencyPosition}
        error={errors.otherAgencyPosition}
        onChange={(otherAgencyPosition) => set({ otherAgencyPosition })}
      />
      <TextField
        id={field('summary')}
        label="Summary of the discussion"
        multiline
        value={values.summary}
        error={errors.summary}
        onChange={(summary) => set({ summary })}
      />
      <TextField
        id={field('outcome')}
        label="Outcome"
        hint="For example: agreed, or not resolved and to be escalated."
        multiline
        value={values.outcome}
        error={errors.outcome}
        onChange={(outcome) => set({ outcome })}
      />
      <RepeatingRows
        legend="Agreed actions (optional)"
        rows={values.agreedActions}
        rowLabel={(index) => `Action ${index + 1}`}
        addLabel="Add an agreed action"
        onAdd={() => set({ agreedActions: [...values.agreedActions, { action: '', owner: '', dueOn: '' }] })}
        onRemove={(index) => set({ agreedActions: withoutRow(values.agreedActions, index) })}
        renderRow={(row, index) => (
          <>
            <TextField
              id={field(`agreedActions.${index}.action`)}
              label="What was agreed"
              optional
              value={row.action}
              error={errors[`agreedActions.${index}.action`]}
              onChange={(action) => set({ agreedActions: withRow(values.agreedActions, index, { action }) })}
            />
            <TextField
              id={field(`agreedActions.${index}.owner`)}
              label="Who will do it"
              optional
              value={row.owner}
              error={errors[`agreedActions.${index}.owner`]}
              onChange={(owner) => set({ agreedActions: withRow(values.agreedActions, index, { owner }) })}
            />
            <TextField
              id={field(`agreedActions.${index}.dueOn`)}
              label="Due by"
              type="date"
              optional
              value={row.dueOn}
              error={errors[`agreedActions.${index}.dueOn`]}
              onChange={(dueOn) => set({ agreedActions: withRow(values.agreedActions, index, { dueOn }) })}
            />
          </>
        )}
      />
      <fieldset>
        <legend>Fed back and recorded</legend>
        <CheckboxField
          id={field('fedBack')}
          label="Agreed action fed back to the practitioners and managers involved"
          checked={values.fedBack}
          onChange={(fedBack) => set({ fedBack })}
        />
        <CheckboxField
          id={field('recordedOurs')}
          label={`Recorded on the child’s file at ${ours}`}
          checked={values.recordedOurs}
          onChange={(recordedOurs) => set({ recordedOurs })}
        />
        <CheckboxField
          id={field('recordedTheirs')}
          label={`Recorded on the child’s file at ${theirs}`}
          checked={values.recordedTheirs}
          onChange={(recordedTheirs) => set({ recordedTheirs })}
        />
      </fieldset>
      <RefusalAlert message={change.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={change.pending}>
          Record the discussion
        </button>
        <button type="button" onClick={onCancel}>
          Close (what you typed is kept)
        </button>
      </div>
    </form>
  );
}
