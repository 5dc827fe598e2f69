import { explainStepDeadline, formatDateTime } from '@/lib/calendar';
import type { Escalation, EscalationState } from '@/lib/escalation';
import { describeTimescale, type Policy } from '@/lib/policy';
import type { Settings } from '@/lib/settings';
import { type DeadlineContext, stepName, stepStanding } from './deadline-words';

interface StepTimelineProps {
  escalation: Escalation;
  policy: Policy;
  state: EscalationState;
  settings: Settings;
  context: DeadlineContext;
}

/** Every step of the policy with its deadline and how it stands; the current step is marked. */
export function StepTimeline({ escalation, policy, state, settings, context }: StepTimelineProps) {
  const startedAt = new Date(escalation.differenceStartedAt);
  const headingId = `timeline-${escalation.id}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Every step and its deadline</h3>
      <ol className="timeline">
        {state.steps.map((progress) => {
          const { step } = progress;
          const standing = stepStanding(progress, state, context);
          const current = escalation.status === 'open' && step.id === state.currentStep.id;
          const explanation = explainStepDeadline(
            step.id,
            startedAt,
            policy,
            settings.calendar,
            state.deadlineHistory,
          );
          const name = stepName(step, policy.steps);
          return (
            <li
              key={step.id}
              className={`step tone-${standing.tone}${current ? ' current' : ''}`}
              aria-current={current ? 'step' : undefined}
            >
              <span className="step-symbol" aria-hidden="true">
                {standing.symbol}
              </span>
              <div className="step-body">
                <p className="step-name">
                  <strong>{name}</strong>: {step.title}
                </p>
                <p className="step-standing">
                  {current && <strong className="current-label">Current step: </strong>}
                  {standing.words}
                </p>
                <p>
                  Deadline:{' '}
                  {progress.dueAt ? formatDateTime(progress.dueAt) : 'set once an earlier step is completed'}
                  {progress.indicative ? ' (a guide, not a fixed deadline)' : ''}
                </p>
                {progress.happenedAt && <p>Happened: {formatDateTime(progress.happenedAt)}</p>}
                {explanation && (
                  <details>
                    <summary>
                      How this deadline was worked out<span className="visually-hidden"> ({name})</span>
                    </summary>
                    <p>
                      The policy: {describeTimescale(step.timescale, policy)}
                      {step.timescale.wording ? ` (“${step.timescale.wording}”)` : ''}.
                    </p>
                    <p>{explanation.sentence}</p>
                  </details>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
