import { useId, useState } from 'react';
import { CheckboxField } from '@/components/shared/Fields';
import { refusalMessage } from '@/components/shared/form-rules';
import type { Escalation, EscalationState } from '@/lib/escalation';
import type { Duty, Policy } from '@/lib/policy';
import { type NotificationKind, prepareNotification } from '@/lib/record/notification';
import type { Settings } from '@/lib/settings';
import { contactRoleFor } from '@/lib/settings/contacts';
import { copiedMessage } from './case-note-text';
import { DutyDoneForm } from './DutyDoneForm';
import type { ChangeTarget } from './useChange';
import type { CaseNoteBridge } from './workspace-types';

type NotifyDuty = Extract<Duty, { kind: 'notify' }>;

interface PartnershipNotificationsProps {
  escalation: Escalation;
  policy: Policy;
  state: EscalationState;
  settings: Settings;
  /** Absent until the practitioner's details are known; the notification can still be copied. */
  target?: ChangeTarget;
  caseNote: Pick<CaseNoteBridge, 'copy'>;
  now: () => Date;
}

/**
 * "Prepare the notification" for each notify duty of the current step not yet
 * done, and for a required one an earlier step left undone (a step moved past
 * or passed over keeps its duties, recorded when they happen), and, once an escalation that was notified has ended, the resolution
 * notification to the same people. The duty is ticked only when the
 * practitioner says it was sent, and how and when.
 */
export function PartnershipNotifications(props: PartnershipNotificationsProps) {
  const { escalation, state } = props;
  const headingId = useId();
  const notify = (duty: Duty): duty is NotifyDuty => duty.kind === 'notify';
  const toSend =
    escalation.status === 'open'
      ? state.duties.filter(
          (progress) =>
            notify(progress.duty) &&
            !progress.done &&
            // The evidence of escalation, not a policy-gap referral (which goes on to a subgroup as well).
            progress.duty.alsoTo.length === 0 &&
            (progress.stepId === state.currentStep.id || progress.duty.required),
        )
      : [];
  const notified =
    escalation.status === 'open'
      ? []
      : state.duties.filter((progress) => notify(progress.duty) && progress.done);
  const recipientsNotified = [
    ...new Set(notified.flatMap((progress) => (notify(progress.duty) ? [progress.duty.recipient] : []))),
  ];
  if (toSend.length === 0 && recipientsNotified.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Notifications to the partnership</h3>
      <p className="hint">
        Prepared from the escalation: its own reference, the agencies, roles, stages, reason and deadlines.
        Never the child’s name or the concern’s text.
      </p>
      {toSend.map((progress) =>
        notify(progress.duty) ? (
          <Notification
            key={`${progress.stepId}:${progress.duty.id}`}
            {...props}
            kind="stage"
            recipient={progress.duty.recipient}
            duty={progress.duty}
            stepId={progress.stepId}
          />
        ) : null,
      )}
      {recipientsNotified.map((recipient) => (
        <Notification key={recipient} {...props} kind="resolution" recipient={recipient} />
      ))}
    </section>
  );
}

function Notification({
  escalation,
  policy,
  settings,
  target,
  caseNote,
  now,
  kind,
  recipient,
  duty,
  stepId,
}: PartnershipNotificationsProps & {
  kind: NotificationKind;
  recipient: string;
  duty?: NotifyDuty;
  /** The step the duty belongs to, which its record is made against. */
  stepId?: string;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [includeNames, setIncludeNames] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const recipientTitle = policy.roles.find((role) => role.id === recipient)?.title ?? recipient;
  const contactRole = contactRoleFor(recipient);
  const contact = contactRole ? settings.contacts[contactRole] : undefined;
  const { profile } = settings;
  const prepared = prepareNotification(escalation, policy, {
    kind,
    now: now(),
    calendar: settings.calendar,
    recipientTitle,
    ...(contact ? { recipient: contact } : {}),
    sender: { name: profile.name, role: profile.role, agency: profile.agency, contact: profile.contact },
    includeNames,
    includeRecordId: settings.notificationIncludesRecordId,
  });
  const title =
    kind === 'resolution' ? `Resolution notification: ${recipientTitle}` : (duty?.text ?? recipientTitle);
  const whole = `Subject: ${prepared.subject}\n\n${prepared.text}`;

  return (
    <div className="notification">
      <p id={`${id}-title`}>
        <strong>{kind === 'resolution' ? 'It has ended: ' : 'To send: '}</strong>
        {title}
      </p>
      {!open ? (
        <button type="button" aria-describedby={`${id}-title`} onClick={() => setOpen(true)}>
          {kind === 'resolution' ? 'Prepare the resolution notification' : 'Prepare the notification'}
        </button>
      ) : (
        <fieldset className="notification-draft">
          <legend>Notification to {recipientTitle}</legend>
          <CheckboxField
            id={`${id}-names`}
            label="Include the professionals’ names (roles and agencies are always given)"
            checked={includeNames}
            onChange={setIncludeNames}
          />
          <p>
            Subject: <span data-testid="notification-subject">{prepared.subject}</span>
          </p>
          <label htmlFor={`${id}-text`}>Notification text</label>
          <textarea id={`${id}-text`} className="preview" readOnly rows={12} value={prepared.text} />
          <div className="actions">
            <button
              type="button"
              onClick={() =>
                void caseNote.copy(whole).then(
                  () => setStatus(copiedMessage(whole)),
                  (failure) => setStatus(`Not copied: ${refusalMessage(failure)}`),
                )
              }
            >
              Copy the notification
            </button>
            <a href={prepared.mailto} target="_blank" rel="noopener noreferrer">
              Open as an email draft{contact?.email ? ` to ${contact.email}` : ''}
            </a>
          </div>
          {!contact?.email && (
            <p className="hint">
              {contactRole
                ? `No email address is set for the ${recipientTitle}: add one in Settings → Contacts, or fill in the draft’s address yourself.`
                : `Settings → Contacts keeps no contact for the ${recipientTitle}: fill in the draft’s address yourself.`}
            </p>
          )}
          <p role="status" className="status">
            {status}
          </p>
          {kind === 'stage' && duty && target && !confirming && (
            <button type="button" className="primary" onClick={() => setConfirming(true)}>
              I have sent it
            </button>
          )}
          {kind === 'stage' && duty && stepId && target && confirming && (
            <DutyDoneForm
              sent
              duty={{ stepId, dutyId: duty.id, decision: false }}
              dutyText={duty.text}
              target={target}
              now={now}
              onClose={() => setConfirming(false)}
            />
          )}
        </fieldset>
      )}
    </div>
  );
}
