import { useId, useState } from 'react';
import { RefusalAlert } from '@/components/shared/Fields';
import type { EscalationState } from '@/lib/escalation';
import type { Policy } from '@/lib/policy';
import type { Contacts } from '@/lib/settings';
import { stepName } from './deadline-words';
import { MoveAheadForm, ReopenForm, ResolveForm, WithdrawForm } from './NextStepForms';
import { RoleContacts } from './RoleContacts';
import { type ChangeTarget, useChange } from './useChange';

type Choice = 'ahead' | 'resolve' | 'withdraw' | 'reopen';

/**
 * What can happen next: escalate to the next step after a discussion, move
 * ahead of the timescale in an urgent case, resolve, or withdraw; an ended
 * escalation can be reopened. The practitioner's contacts for the people this
 * step and the next involve are shown with them.
 */
export function NextSteps({
  target,
  state,
  policy,
  contacts,
}: {
  target: ChangeTarget;
  state: EscalationState;
  policy: Policy;
  contacts: Contacts;
}) {
  const id = useId();
  const [choice, setChoice] = useState<Choice>();
  const escalate = useChange(target);
  const { escalation } = target;
  const current = state.currentStep;
  const index = policy.steps.findIndex((step) => step.id === current.id);
  const following = policy.steps[index + 1];
  const discussed = escalation.discussions.some((discussion) => discussion.stepId === current.id);
  const closeAfterSave: ChangeTarget = {
    ...target,
    onSaved: (saved, text) => {
      setChoice(undefined);
      target.onSaved(saved, text);
    },
  };

  const disclosure = (value: Choice, label: string) => (
    <button
      type="button"
      aria-expanded={choice === value}
      aria-controls={`${id}-${value}`}
      onClick={() => setChoice(choice === value ? undefined : value)}
    >
      {label}
    </button>
  );

  if (escalation.status !== 'open') {
    return (
      <section aria-labelledby={`${id}-heading`}>
        <h3 id={`${id}-heading`}>Reopen</h3>
        <p>
          If the difference of opinion is not over after all, reopen the escalation at the step it ended on.
        </p>
        {disclosure('reopen', 'Reopen')}
        <div id={`${id}-reopen`}>{choice === 'reopen' && <ReopenForm target={closeAfterSave} />}</div>
      </section>
    );
  }

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>What happens next</h3>
      <RoleContacts
        roleIds={current.involved}
        contacts={contacts}
        lead={`Who to contact at ${stepName(current, policy.steps).toLowerCase()}:`}
      />
      {following &&
        (discussed ? (
          <>
            <button
              type="button"
              className="primary"
              disabled={escalate.pending}
              onClick={() =>
                void escalate.save(
                  { kind: 'move-to-next-step', input: {} },
                  `Escalated to ${stepName(following, policy.steps).toLowerCase()}`,
                )
              }
            >
              Escalate to {stepName(following, policy.steps).toLowerCase()}
            </button>
            <RefusalAlert message={escalate.error} />
          </>
        ) : (
          <p>
            To escalate to {stepName(following, policy.steps).toLowerCase()}, record the discussion at this
            step first.
            {policy.urgentTrack
              ? ' In an urgent case you can move ahead of the timescale, giving the reason.'
              : ''}
          </p>
        ))}
      {following && (
        <RoleContacts
          roleIds={following.involved}
          contacts={contacts}
          lead={`Who to contact to escalate to ${stepName(following, policy.steps).toLowerCase()}:`}
        />
      )}
      <div className="actions">
        {following && disclosure('ahead', 'Move ahead of the timescale (urgent)')}
        {disclosure('resolve', 'Resolve')}
        {disclosure('withdraw', 'Withdraw')}
      </div>
      <div id={`${id}-ahead`}>
        {choice === 'ahead' && <MoveAheadForm target={closeAfterSave} policy={policy} />}
      </div>
      <div id={`${id}-resolve`}>
        {choice === 'resolve' && <ResolveForm target={closeAfterSave} policy={policy} />}
      </div>
      <div id={`${id}-withdraw`}>{choice === 'withdraw' && <WithdrawForm target={closeAfterSave} />}</div>
    </section>
  );
}
