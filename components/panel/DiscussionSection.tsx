import { useId, useState } from 'react';
import type { EscalationState } from '@/lib/escalation';
import type { Policy } from '@/lib/policy';
import { DiscussionForm } from './DiscussionForm';
import { stepName } from './deadline-words';
import type { ChangeTarget } from './useChange';
import type { DraftStore } from './workspace-types';

/** Recording a discussion held at the current step, behind a disclosure button to keep the panel short. */
export function DiscussionSection({
  target,
  state,
  policy,
  now,
  draftStore,
}: {
  target: ChangeTarget;
  state: EscalationState;
  policy: Policy;
  now: () => Date;
  draftStore: DraftStore;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const step = state.currentStep;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Discussion at this step</h3>
      <p>
        {stepName(step, policy.steps)}: {step.action}
      </p>
      {step.consider.length > 0 && (
        <ul className="consider">
          {step.consider.map((item) => (
            <li key={item}>Consider: {item}</li>
          ))}
        </ul>
      )}
      <button type="button" aria-expanded={open} aria-controls={`${id}-form`} onClick={() => setOpen(!open)}>
        Record a discussion
      </button>
      <div id={`${id}-form`}>
        {open && (
          <DiscussionForm
            target={{
              ...target,
              onSaved: (escalation, saved) => {
                setOpen(false);
                target.onSaved(escalation, saved);
              },
            }}
            stepId={step.id}
            now={now}
            draftStore={draftStore}
            onCancel={() => setOpen(false)}
          />
        )}
      </div>
    </section>
  );
}
