import { useId, useState } from 'react';
import { ErrorSummary, RefusalAlert, SelectField, TextField } from '@/components/shared/Fields';
import type { FieldErrors } from '@/components/shared/form-rules';
import { useFieldErrors } from '@/components/shared/useFieldErrors';
import { formatDateTime } from '@/lib/calendar';
import type { EscalationChange } from '@/lib/escalation';
import type { Policy } from '@/lib/policy';
import { stepName } from './deadline-words';
import { stepsAhead } from './moves';
import { type ChangeTarget, useChange } from './useChange';

const reasonMissing = (what: string): FieldErrors => ({ reason: `Give the reason for ${what}.` });

/** Moving ahead of the timescale in an urgent case, with the reason. */
export function MoveAheadForm({ target, policy }: { target: ChangeTarget; policy: Policy }) {
  const id = useId();
  const targets = stepsAhead(policy, target.escalation.currentStepId);
  const [toStepId, setToStepId] = useState(targets[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const { errors, show, formRef } = useFieldErrors();
  const change = useChange(target);
  const chosen = targets.find((step) => step.id === toStepId);
  return (
    <form
      ref={formRef}
      noValidate
      aria-label="Move ahead of the timescale"
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim() === '' || !chosen) return show(reasonMissing('moving ahead of the timescale'));
        show({});
        void change.save(
          { kind: 'move-ahead-of-timescale', input: { toStepId, reason: reason.trim() } },
          `Moved ahead of the timescale to ${stepName(chosen, policy.steps).toLowerCase()}`,
        );
      }}
    >
      <ProcedureSays policy={policy} />
      <ErrorSummary count={Object.keys(errors).length} />
      <SelectField
        id={`${id}-step`}
        label="Move to"
        options={targets.map((step) => ({
          value: step.id,
          label: `${stepName(step, policy.steps)}: ${step.title}`,
        }))}
        value={toStepId}
        onChange={setToStepId}
      />
      <TextField
        id={`${id}-reason`}
        label="Why this cannot wait for the timescale"
        multiline
        value={reason}
        error={errors.reason}
        onChange={setReason}
      />
      <RefusalAlert message={change.error} />
      <button type="submit" className="primary" disabled={change.pending}>
        Move ahead
      </button>
    </form>
  );
}

/** The procedure's own words on moving faster than its timescales, quoted where the practitioner decides. */
export function ProcedureSays({ policy }: { policy: Policy }) {
  const words = policy.nonLinearNote ?? policy.urgentTrack?.description;
  if (!words) return null;
  return <p className="hint">The procedure says: “{words}”</p>;
}

/** Resolving with one of the policy's outcomes that end an escalation. */
export function ResolveForm({ target, policy }: { target: ChangeTarget; policy: Policy }) {
  const id = useId();
  const { escalation } = target;
  const stage = policy.steps.find((step) => step.id === escalation.currentStepId)?.stage;
  // Only outcomes the policy allows at this stage; withdrawing has its own form.
  const outcomes = policy.outcomes.filter(
    (outcome) =>
      outcome.ends &&
      !outcome.byWithdrawing &&
      (!outcome.stages || (stage !== undefined && outcome.stages.includes(stage))),
  );
  const [agreement, setAgreement] = useState<'yes' | 'no' | ''>('');
  const [agreedAt, setAgreedAt] = useState(escalation.discussions.at(-1)?.id ?? 'other');
  const [agreementReason, setAgreementReason] = useState('');
  const [outcomeId, setOutcomeId] = useState('');
  const [summary, setSummary] = useState('');
  const { errors, show, formRef } = useFieldErrors();
  const change = useChange(target);
  return (
    <form
      ref={formRef}
      noValidate
      aria-label="Resolve the escalation"
      onSubmit={(event) => {
        event.preventDefault();
        const problems: FieldErrors = {};
        if (agreement === '') problems.agreement = 'Say whether agreement was reached.';
        const outcome = outcomes.find((candidate) => candidate.id === outcomeId);
        if (!outcome) problems.outcome = 'Choose the outcome.';
        if (summary.trim() === '')
          problems.summary = 'Summarise the resolution: what was decided and what happens now.';
        const agreed = agreement === 'yes';
        if (agreed && agreedAt === 'other' && agreementReason.trim() === '')
          problems.agreementReason =
            'Say how agreement was reached, since it was not at a recorded discussion.';
        show(problems);
        if (Object.keys(problems).length > 0 || !outcome) return;
        const basis = !agreed
          ? {}
          : agreedAt === 'other'
            ? { agreementReason: agreementReason.trim() }
            : { agreedAtDiscussionId: agreedAt };
        void change.save(
          {
            kind: 'resolve',
            input: { agreementReached: agreed, ...basis, outcomeId, summary: summary.trim() },
          },
          `Resolved: ${outcome.label}`,
        );
      }}
    >
      <ErrorSummary count={Object.keys(errors).length} />
      <fieldset className="field" aria-describedby={errors.agreement ? `${id}-agreement-error` : undefined}>
        <legend>Was agreement reached?</legend>
        {errors.agreement && (
          <p id={`${id}-agreement-error`} className="field-error">
            {errors.agreement}
          </p>
        )}
        {(['yes', 'no'] as const).map((answer) => (
          <div className="checkbox" key={answer}>
            <input
              id={`${id}-agreement-${answer}`}
              type="radio"
              name={`${id}-agreement`}
              checked={agreement === answer}
              aria-invalid={errors.agreement ? true : undefined}
              onChange={() => setAgreement(answer)}
            />
            <label htmlFor={`${id}-agreement-${answer}`}>{answer === 'yes' ? 'Yes' : 'No'}</label>
          </div>
        ))}
      </fieldset>
      {agreement === 'yes' && (
        <>
          <SelectField
            id={`${id}-agreed-at`}
            label="Where agreement was reached"
            options={[
              ...escalation.discussions.map((discussion, index) => ({
                value: discussion.id,
                label: `Discussion ${index + 1} (step ${discussion.stepId}, ${formatDateTime(new Date(discussion.heldAt))})`,
              })),
              { value: 'other', label: 'Not at a recorded discussion' },
            ]}
            value={agreedAt}
            onChange={setAgreedAt}
          />
          {agreedAt === 'other' && (
            <TextField
              id={`${id}-agreement-reason`}
              label="How agreement was reached"
              multiline
              value={agreementReason}
              error={errors.agreementReason}
              onChange={setAgreementReason}
            />
          )}
        </>
      )}
      <SelectField
        id={`${id}-outcome`}
        label="Outcome"
        placeholder="Choose the outcome"
        options={outcomes.map((outcome) => ({ value: outcome.id, label: outcome.label }))}
        value={outcomeId}
        error={errors.outcome}
        onChange={setOutcomeId}
      />
      <TextField
        id={`${id}-summary`}
        label="Summary of the resolution"
        multiline
        value={summary}
        error={errors.summary}
        onChange={setSummary}
      />
      {policy.closingGuidance.length > 0 && (
        <ul className="hint">
          {policy.closingGuidance.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <RefusalAlert message={change.error} />
      <button type="submit" className="primary" disabled={change.pending}>
        Resolve the escalation
      </button>
    </form>
  );
}

/** Withdrawing, with the reason. */
export function WithdrawForm({ target }: { target: ChangeTarget }) {
  return (
    <ReasonForm
      target={target}
      label="Why it is being withdrawn"
      hint="For example: you now accept the other agency’s decision."
      submit="Withdraw the escalation"
      missing="withdrawing"
      change={(reason) => ({ kind: 'withdraw', input: { reason } })}
      saved="Withdrawn"
    />
  );
}

/** Reopening an ended escalation, with the reason; the ending stays in the history. */
export function ReopenForm({ target }: { target: ChangeTarget }) {
  return (
    <ReasonForm
      target={target}
      label="Why it is being reopened"
      submit="Reopen the escalation"
      missing="reopening"
      change={(reason) => ({ kind: 'reopen', input: { reason } })}
      saved="Reopened"
    />
  );
}

function ReasonForm({
  target,
  label,
  hint,
  submit,
  missing,
  change: toChange,
  saved,
}: {
  target: ChangeTarget;
  label: string;
  hint?: string;
  submit: string;
  missing: string;
  change(reason: string): EscalationChange;
  saved: string;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const { errors, show, formRef } = useFieldErrors();
  const change = useChange(target);
  return (
    <form
      ref={formRef}
      noValidate
      aria-label={submit}
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim() === '') return show(reasonMissing(missing));
        show({});
        void change.save(toChange(reason.trim()), saved);
      }}
    >
      <ErrorSummary count={Object.keys(errors).length} />
      <TextField
        id={`${id}-reason`}
        label={label}
        {...(hint ? { hint } : {})}
        multiline
        value={reason}
        error={errors.reason}
        onChange={setReason}
      />
      <RefusalAlert message={change.error} />
      <button type="submit" className="primary" disabled={change.pending}>
        {submit}
      </button>
    </form>
  );
}
