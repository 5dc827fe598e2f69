import { useId } from 'react';
import {
  DateTimeField,
  ErrorSummary,
  RefusalAlert,
  SelectField,
  TextField,
} from '@/components/shared/Fields';
import { useFieldErrors } from '@/components/shared/useFieldErrors';
import { formatDateTime } from '@/lib/calendar';
import { childLabel } from '@/lib/escalation';
import { RepeatingRows, withoutRow, withRow } from './RepeatingRows';
import { ScreenHeading } from './ScreenHeading';
import { checkStartForm, type StartFormValues } from './start-form';
import { useAction } from './useAction';
import type { Draft } from './useDraft';
import type { StartEscalationProps } from './workspace-types';

interface StartFormProps extends StartEscalationProps {
  draft: Draft<StartFormValues>;
  onChangeRiskAnswer(): void;
}

/** The details of a new escalation, after the imminent-risk question. */
export function StartForm(props: StartFormProps) {
  const { child, settings, policy, client, saveSettings, now, draft, onStarted } = props;
  const id = useId();
  const { errors, show, formRef } = useFieldErrors();
  const action = useAction();
  const values = draft.values;
  const set = (change: Partial<StartFormValues>) => draft.update((current) => ({ ...current, ...change }));
  const setYou = (change: Partial<StartFormValues['you']>) =>
    draft.update((current) => ({ ...current, you: { ...current.you, ...change } }));
  const field = (key: string) => `${id}-${key}`;

  const submit = async () => {
    const checked = checkStartForm(values, {
      policy,
      child,
      now: now(),
      showChildNames: settings.showChildNames,
    });
    if (!checked.ok) {
      show(checked.errors);
      return;
    }
    show({});
    const { input, by, profile } = checked.value;
    const escalation = await action.run(() => client.start(input, by));
    if (!escalation) return;
    draft.clear();
    // The profile only prefills the next form; the escalation has started whether or not this saves.
    if (saveSettings) {
      void saveSettings({ profile: { ...settings.profile, ...profile } }).catch(() => undefined);
    }
    onStarted(escalation);
  };

  return (
    <section aria-labelledby={`${id}-heading`}>
      <ScreenHeading id={`${id}-heading`} takeFocus>
        Escalation details
      </ScreenHeading>
      <p>
        About {childLabel(child, settings.showChildNames)} ({child.system}). Under {policy.name} (
        {policy.version}). Every answer is needed unless it says optional.
      </p>
      <div className="risk-answer">
        <p>
          Child at imminent risk: <strong>{values.risk.answer === 'yes' ? 'Yes' : 'No'}</strong>
          {values.risk.answeredAt && ` (answered ${formatDateTime(new Date(values.risk.answeredAt))})`}
          {values.risk.answer === 'yes' &&
            values.risk.actionTaken &&
            `. Action taken: ${values.risk.actionTaken}`}
        </p>
        <button type="button" className="quiet" onClick={props.onChangeRiskAnswer}>
          Change the imminent risk answer
        </button>
      </div>

      <form
        ref={formRef}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <ErrorSummary count={Object.keys(errors).length} />
        {errors.risk && <p className="field-error">{errors.risk}</p>}
        <fieldset>
          <legend>The other agency</legend>
          <TextField
            id={field('agency')}
            label="Agency"
            value={values.agency}
            error={errors.agency}
            onChange={(agency) => set({ agency })}
          />
          <TextField
            id={field('professionalName')}
            label="Professional whose decision you disagree with"
            value={values.professionalName}
            error={errors.professionalName}
            onChange={(professionalName) => set({ professionalName })}
          />
          <TextField
            id={field('professionalRole')}
            label="Their role"
            value={values.professionalRole}
            error={errors.professionalRole}
            onChange={(professionalRole) => set({ professionalRole })}
          />
          <TextField
            id={field('professionalContact')}
            label="Their phone or email"
            optional
            value={values.professionalContact}
            onChange={(professionalContact) => set({ professionalContact })}
          />
        </fieldset>

        <fieldset>
          <legend>The concern</legend>
          <SelectField
            id={field('reasonCategory')}
            label="Reason for the escalation"
            placeholder="Choose a reason"
            options={policy.reasonCategories.map((category) => ({
              value: category.id,
              label: category.label,
            }))}
            value={values.reasonCategory}
            error={errors.reasonCategory}
            onChange={(reasonCategory) => set({ reasonCategory })}
          />
          <TextField
            id={field('disagreedWith')}
            label="The decision, action or inaction you disagree with"
            multiline
            value={values.disagreedWith}
            error={errors.disagreedWith}
            onChange={(disagreedWith) => set({ disagreedWith })}
          />
          <RepeatingRows
            legend="Facts, each with its source"
            hint="What is known, and where it is recorded. Keep opinion for the next part."
            rows={values.facts}
            rowLabel={(index) => `Fact ${index + 1}`}
            addLabel="Add a fact"
            onAdd={() => set({ facts: [...values.facts, { fact: '', source: '' }] })}
            onRemove={(index) => set({ facts: withoutRow(values.facts, index) })}
            renderRow={(row, index) => (
              <>
                <TextField
                  id={field(`facts.${index}.fact`)}
                  label="Fact"
                  multiline
                  value={row.fact}
                  error={errors[`facts.${index}.fact`]}
                  onChange={(fact) => set({ facts: withRow(values.facts, index, { fact }) })}
                />
                <TextField
                  id={field(`facts.${index}.source`)}
                  label="Source"
                  hint="For example: home visit record, 30 Oct."
                  value={row.source}
                  error={errors[`facts.${index}.source`]}
                  onChange={(source) => set({ facts: withRow(values.facts, index, { source }) })}
                />
              </>
            )}
          />
          <RepeatingRows
            legend="Professional opinion (optional; recorded as opinion, not fact)"
            rows={values.opinions}
            rowLabel={(index) => `Opinion ${index + 1}`}
            addLabel="Add an opinion"
            onAdd={() => set({ opinions: [...values.opinions, { opinion: '', whose: '' }] })}
            onRemove={(index) => set({ opinions: withoutRow(values.opinions, index) })}
            renderRow={(row, index) => (
              <>
                <TextField
                  id={field(`opinions.${index}.opinion`)}
                  label="Opinion"
                  optional
                  multiline
                  value={row.opinion}
                  error={errors[`opinions.${index}.opinion`]}
                  onChange={(opinion) => set({ opinions: withRow(values.opinions, index, { opinion }) })}
                />
                <TextField
                  id={field(`opinions.${index}.whose`)}
                  label="Whose opinion, if not yours"
                  optional
                  value={row.whose}
                  onChange={(whose) => set({ opinions: withRow(values.opinions, index, { whose }) })}
                />
              </>
            )}
          />
          <TextField
            id={field('impactOnChild')}
            label="Impact on the child"
            multiline
            value={values.impactOnChild}
            error={errors.impactOnChild}
            onChange={(impactOnChild) => set({ impactOnChild })}
          />
          <TextField
            id={field('childsVoice')}
            label="The child’s voice: their words or views, where known"
            optional
            multiline
            value={values.childsVoice}
            onChange={(childsVoice) => set({ childsVoice })}
          />
          <TextField
            id={field('outcomeSought')}
            label="Outcome you are seeking"
            multiline
            value={values.outcomeSought}
            error={errors.outcomeSought}
            onChange={(outcomeSought) => set({ outcomeSought })}
          />
        </fieldset>

        <DateTimeField
          id={field('started')}
          legend="When the difference of opinion started"
          hint="UK time. Now, unless it started earlier; it cannot be in the future. Deadlines count from this."
          date={values.startedDate}
          time={values.startedTime}
          error={errors.started}
          onChange={(change) =>
            set({
              ...(change.date === undefined ? {} : { startedDate: change.date }),
              ...(change.time === undefined ? {} : { startedTime: change.time }),
            })
          }
        />

        <fieldset>
          <legend>Your details</legend>
          <p className="hint">
            Recorded as the person raising the escalation, and kept in your settings for next time.
          </p>
          <TextField
            id={field('you.name')}
            label="Your name"
            autoComplete="name"
            value={values.you.name}
            error={errors['you.name']}
            onChange={(name) => setYou({ name })}
          />
          <TextField
            id={field('you.role')}
            label="Your role"
            autoComplete="organization-title"
            value={values.you.role}
            error={errors['you.role']}
            onChange={(role) => setYou({ role })}
          />
          <TextField
            id={field('you.agency')}
            label="Your agency"
            autoComplete="organization"
            value={values.you.agency}
            error={errors['you.agency']}
            onChange={(agency) => setYou({ agency })}
          />
          <TextField
            id={field('you.contact')}
            label="Your phone or email"
            optional
            value={values.you.contact}
            onChange={(contact) => setYou({ contact })}
          />
        </fieldset>

        <RefusalAlert message={action.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={action.pending}>
            Start the escalation
          </button>
          <button type="button" onClick={props.onCancel}>
            Back to the child’s escalations
          </button>
        </div>
        <p className="hint">
          What you have typed is kept if you close the panel, until the escalation starts.
        </p>
      </form>
    </section>
  );
}
