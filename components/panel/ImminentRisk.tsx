import { useId } from 'react';
import { CheckboxField, ErrorSummary, TextField } from '@/components/shared/Fields';
import { useFieldErrors } from '@/components/shared/useFieldErrors';
import type { Policy } from '@/lib/policy';
import { ProcedureSays } from './NextStepForms';
import { ScreenHeading } from './ScreenHeading';
import type { StartFormValues } from './start-form';

/** The first question of every escalation. */
export function ImminentRiskQuestion({
  policy,
  onAnswer,
  onCancel,
}: {
  policy: Policy;
  onAnswer(atRisk: boolean): void;
  onCancel(): void;
}) {
  const question = useId();
  return (
    <section aria-labelledby={`${question}-heading`}>
      <ScreenHeading id={`${question}-heading`} takeFocus>
        Start an escalation
      </ScreenHeading>
      <fieldset className="question">
        <legend>{policy.imminentRisk.question}</legend>
        <div className="actions">
          <button type="button" className="primary" onClick={() => onAnswer(true)}>
            Yes
          </button>
          <button type="button" className="primary" onClick={() => onAnswer(false)}>
            No
          </button>
        </div>
      </fieldset>
      {policy.outOfScope.length > 0 && (
        <details className="out-of-scope">
          <summary>What {policy.name} is not for</summary>
          <ul>
            {policy.outOfScope.map((item) => (
              <li key={item.id}>
                {item.title}: use {item.routeTo.charAt(0).toLowerCase() + item.routeTo.slice(1)}.
              </li>
            ))}
          </ul>
        </details>
      )}
      <button type="button" onClick={onCancel}>
        Back to the child’s escalations
      </button>
    </section>
  );
}

/** After "yes": what to do now, in the policy's words, before anything else; then what was done. */
export function ImminentRiskGuidance({
  policy,
  risk,
  onChange,
  onContinue,
  onBack,
}: {
  policy: Policy;
  risk: StartFormValues['risk'];
  onChange(change: Partial<StartFormValues['risk']>): void;
  onContinue(): void;
  onBack(): void;
}) {
  const id = useId();
  const { errors, show, formRef } = useFieldErrors();
  const { imminentRisk, urgentTrack } = policy;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <ScreenHeading id={`${id}-heading`} takeFocus>
        Act now: the child may be at imminent risk
      </ScreenHeading>
      <div className="urgent-guidance">
        <p>
          <strong>Do this now, before anything else:</strong>
        </p>
        <ol>
          {imminentRisk.actions.map((action) => (
            <li key={action}>{action}</li>
          ))}
        </ol>
        <p className="emergency">
          <span aria-hidden="true">☎ </span>
          <strong>{imminentRisk.emergency}</strong>
        </p>
      </div>
      <form
        ref={formRef}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (risk.actionTaken.trim() === '') {
            show({ action: 'Say what you have done about the risk, for example who you told and when.' });
            return;
          }
          onContinue();
        }}
      >
        <ErrorSummary count={Object.keys(errors).length} />
        <TextField
          id={`${id}-action`}
          label="What have you done about the risk?"
          hint="For example: told Jo Okafor, Safeguarding Lead, at 10:40; police called."
          multiline
          value={risk.actionTaken}
          error={errors.action}
          onChange={(actionTaken) => onChange({ actionTaken })}
        />
        {urgentTrack && (
          <>
            <CheckboxField
              id={`${id}-urgent`}
              label="Use the urgent track: this case may move faster than the timescales"
              checked={risk.urgent}
              onChange={(urgent) => onChange({ urgent })}
            />
            <ProcedureSays policy={policy} />
          </>
        )}
        <div className="actions">
          <button type="submit" className="primary">
            Continue to the escalation details
          </button>
          <button type="button" onClick={onBack}>
            Back to the question
          </button>
        </div>
      </form>
    </section>
  );
}
