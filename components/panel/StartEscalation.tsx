import { useState } from 'react';
import { ImminentRiskGuidance, ImminentRiskQuestion } from './ImminentRisk';
import { StartForm } from './StartForm';
import { emptyStartForm, startFormSchema } from './start-form';
import { useDraft } from './useDraft';
import type { ChildOnPage, StartEscalationProps } from './workspace-types';

/** Where a half-typed start form for this child is kept. */
export const startDraftKey = (child: ChildOnPage) => `start-escalation:v1:${child.system}:${child.recordId}`;

/**
 * Starting an escalation: the imminent-risk question first, the policy's
 * guidance straight after a "yes", then the details. What is typed is kept
 * as a draft until the escalation has started.
 */
export function StartEscalation(props: StartEscalationProps) {
  const { child, settings, policy, now, draftStore } = props;
  const draft = useDraft(draftStore, startDraftKey(child), startFormSchema, () =>
    emptyStartForm(settings.profile, now()),
  );
  // After a "yes", the guidance is shown again each time the form is reopened, until they go on.
  const [guidanceRead, setGuidanceRead] = useState(false);
  const { risk } = draft.values;

  const answer = (atRisk: boolean) => {
    setGuidanceRead(false);
    draft.update((values) => ({
      ...values,
      risk: { ...values.risk, answer: atRisk ? 'yes' : 'no', answeredAt: now().toISOString() },
    }));
  };

  if (risk.answer === '') {
    return <ImminentRiskQuestion policy={policy} onAnswer={answer} onCancel={props.onCancel} />;
  }
  if (risk.answer === 'yes' && !guidanceRead) {
    return (
      <ImminentRiskGuidance
        policy={policy}
        risk={risk}
        onChange={(change) => draft.update((values) => ({ ...values, risk: { ...values.risk, ...change } }))}
        onContinue={() => setGuidanceRead(true)}
        onBack={() => draft.update((values) => ({ ...values, risk: { ...values.risk, answer: '' } }))}
      />
    );
  }
  return (
    <StartForm
      {...props}
      draft={draft}
      onChangeRiskAnswer={() =>
        draft.update((values) => ({ ...values, risk: { ...values.risk, answer: '' } }))
      }
    />
  );
}
