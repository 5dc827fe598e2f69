import { useId, useState } from 'react';
import { formatDateTime } from '@/lib/calendar';
import type { DutyProgress, EscalationState } from '@/lib/escalation';
import type { Contacts } from '@/lib/settings';
import { DutyDoneForm } from './DutyDoneForm';
import { methodLabel } from './methods';
import { RoleContacts } from './RoleContacts';
import type { ChangeTarget } from './useChange';

/**
 * The current step's duties from the policy, each recorded with when, by whom
 * and how it was done; a duty to tell someone shows the practitioner's
 * contact for them. Below, the duties of the steps before it, passed over or
 * not, which can still be recorded against their own step.
 */
export function DutyChecklist({
  target,
  state,
  contacts,
  now,
}: {
  target: ChangeTarget;
  state: EscalationState;
  contacts: Contacts;
  now: () => Date;
}) {
  const headingId = useId();
  const earlierId = useId();
  const duties = state.duties.filter((progress) => progress.stepId === state.currentStep.id);
  const earlierSteps = state.steps
    .map((progress) => ({
      progress,
      duties: state.duties.filter(
        (duty) => duty.stepId === progress.step.id && duty.stepId !== state.currentStep.id,
      ),
    }))
    .filter((earlier) => earlier.duties.length > 0);
  if (duties.length === 0 && earlierSteps.length === 0) return null;
  const item = (progress: DutyProgress) => (
    <DutyItem
      key={`${progress.stepId}:${progress.duty.id}`}
      progress={progress}
      target={target}
      contacts={contacts}
      now={now}
    />
  );
  return (
    <>
      {duties.length > 0 && (
        <section aria-labelledby={headingId}>
          <h3 id={headingId}>Duties at this step</h3>
          <ul className="duties">{duties.map(item)}</ul>
        </section>
      )}
      {earlierSteps.length > 0 && (
        <section aria-labelledby={earlierId}>
          <h3 id={earlierId}>Duties at earlier steps</h3>
          {earlierSteps.map(({ progress, duties: stepDuties }) => (
            <section key={progress.step.id} aria-label={`Duties at step ${progress.step.id}`}>
              <h4>
                Step {progress.step.id}
                {progress.status === 'skipped' || progress.status === 'passed-over' ? ' (passed over)' : ''}
              </h4>
              <ul className="duties">{stepDuties.map(item)}</ul>
            </section>
          ))}
        </section>
      )}
    </>
  );
}

function doneWords(done: NonNullable<DutyProgress['done']>): string {
  const how =
    done.via === 'discussion'
      ? 'as recorded in the discussion'
      : `by ${methodLabel(done.method ?? 'other').toLowerCase()}`;
  const who = done.by ? ` by ${done.by}` : '';
  return `Done ${formatDateTime(done.at)}${who}, ${how}${done.note ? ` (${done.note})` : ''}.`;
}

function DutyItem({
  progress,
  target,
  contacts,
  now,
}: {
  progress: DutyProgress;
  target: ChangeTarget;
  contacts: Contacts;
  now: () => Date;
}) {
  const id = useId();
  const [ticking, setTicking] = useState(false);
  const { duty, done } = progress;
  return (
    <li className={done ? 'duty tone-done' : 'duty'}>
      <span className="step-symbol" aria-hidden="true">
        {done ? '✓' : '○'}
      </span>
      <div>
        <p id={`${id}-text`}>
          <strong>{done ? 'Done' : duty.required ? 'To do' : 'Optional'}: </strong>
          {duty.text}
        </p>
        {duty.kind === 'notify' && (
          <RoleContacts roleIds={[duty.recipient, ...duty.alsoTo]} contacts={contacts} />
        )}
        {done ? (
          <p>{doneWords(done)}</p>
        ) : ticking ? (
          <DutyDoneForm
            duty={{ stepId: progress.stepId, dutyId: duty.id, decision: duty.kind === 'consider' }}
            dutyText={duty.text}
            target={target}
            now={now}
            onClose={() => setTicking(false)}
          />
        ) : (
          <button type="button" aria-describedby={`${id}-text`} onClick={() => setTicking(true)}>
            Record as done
          </button>
        )}
      </div>
    </li>
  );
}
