import { type CalendarSettings, formatDate } from '../calendar';
import { deriveEscalationState, type Escalation } from '../escalation';
import type { Policy } from '../policy';
import { findStage } from '../policy/stages';
import { escalationReference } from '../reports/row';
import type { Contact } from '../settings';

/**
 * The notification an escalation's notify duties ask for (the partnership's
 * Business Manager, the Independent Scrutineer, the Statutory Partners),
 * written from the escalation alone: its own reference, agencies, roles,
 * stage and steps with dates, reason, deadlines, position or outcome, and the
 * sender. Never the child's name and never the concern's text; the child's
 * record id only where the organisation allows it.
 */

export type NotificationKind = 'stage' | 'resolution';

export interface NotificationOptions {
  kind: NotificationKind;
  now: Date;
  calendar?: Partial<CalendarSettings>;
  /** Who it goes to, in the policy's words. */
  recipientTitle: string;
  /** Their contact from Settings → Contacts; the draft has no address without an email. */
  recipient?: Contact;
  /** Who sends it; their contact ends the message. */
  sender: { name?: string; role?: string; agency?: string; contact?: string };
  /** The professionals' names beside their roles (the sender's choice). */
  includeNames: boolean;
  /** The child's record id (only where the organisation's setting allows it). */
  includeRecordId: boolean;
}

export interface PreparedNotification {
  subject: string;
  /** Plain text, lines ending in \n. */
  text: string;
  /** A mailto: draft to the recipient (or to no one), with the subject and text. */
  mailto: string;
}

function stageName(policy: Policy, stage: number): string {
  const name = findStage(policy, stage)?.name;
  return name ? `Stage ${stage} – ${name}` : `Stage ${stage}`;
}

const joined = (parts: (string | undefined)[]) =>
  parts.filter((part): part is string => part !== undefined && part.trim() !== '').join(', ');

/** The subject line: the escalation's own reference and stage, never the child's. */
export function notificationSubject(escalation: Escalation, kind: NotificationKind): string {
  const stage = Math.max(...escalation.stepsEntered.map((entry) => entry.stage));
  const what = kind === 'resolution' ? 'ended' : `stage ${stage}`;
  return `Escalation ${escalationReference(escalation)} – ${what} – professional disagreement notification`;
}

export function prepareNotification(
  escalation: Escalation,
  policy: Policy,
  options: NotificationOptions,
): PreparedNotification {
  const { now, kind } = options;
  const state = deriveEscalationState(escalation, policy, now, { calendar: options.calendar ?? {} });
  const reference = escalationReference(escalation);
  const stage = Math.max(...escalation.stepsEntered.map((entry) => entry.stage));
  const reason =
    policy.reasonCategories.find((category) => category.id === escalation.concern.reasonCategory)?.label ??
    escalation.concern.reasonCategory;
  const professional = (person: { name: string; role: string }, agency: string) =>
    options.includeNames ? `${person.name}, ${person.role}, ${agency}` : `${person.role}, ${agency}`;

  const recipientName = options.recipient?.name?.trim();
  const lines: string[] = [
    `To: ${options.recipientTitle}${recipientName ? ` (${recipientName})` : ''}`,
    '',
    kind === 'resolution'
      ? `The professional disagreement (escalation) ${reference}, notified to you earlier, has ended.`
      : `For your information, as the escalation policy asks: a professional disagreement (escalation) has reached stage ${stage}.`,
    '',
    `Escalation reference: ${reference}`,
    `Policy: ${policy.name}, ${policy.version} (${escalation.track} track)`,
    `Agency raising it: ${escalation.raisedBy.agency}`,
    `Agency raised with: ${escalation.otherParty.agency}`,
    `Professionals: ${professional(escalation.raisedBy, escalation.raisedBy.agency)}; ${professional(escalation.otherParty.professional, escalation.otherParty.agency)}`,
    `Reason: ${reason}`,
    `Difference of opinion started: ${formatDate(new Date(escalation.differenceStartedAt))}`,
    `Stage reached: ${stageName(policy, stage)}`,
  ];
  if (options.includeRecordId) {
    lines.push(`Child’s record: ${escalation.child.system} record ${escalation.child.recordId}`);
  }

  lines.push('', 'Steps reached:');
  for (const entry of escalation.stepsEntered) {
    const step = policy.steps.find((candidate) => candidate.id === entry.stepId);
    const discussed = state.steps.find((progress) => progress.step.id === entry.stepId)?.happenedAt;
    lines.push(
      `- Step ${entry.stepId}${step ? ` (${step.title})` : ''}: reached ${formatDate(new Date(entry.enteredAt))}${
        discussed ? `; discussion held ${formatDate(discussed)}` : ''
      }`,
    );
  }

  const deadlines = state.steps.flatMap((progress) =>
    progress.dueAt && !progress.indicative && (progress.missed || progress.met !== undefined)
      ? [{ stepId: progress.step.id, dueAt: progress.dueAt, missed: progress.missed }]
      : [],
  );
  lines.push('', 'Deadlines so far:');
  if (deadlines.length === 0) lines.push('- None has fallen due yet.');
  for (const deadline of deadlines) {
    lines.push(
      `- Step ${deadline.stepId}, due ${formatDate(deadline.dueAt)}: ${deadline.missed ? 'missed' : 'met'}`,
    );
  }

  lines.push('');
  if (escalation.status === 'resolved' && escalation.resolution) {
    const { outcomeId, resolvedAt, agreementReached } = escalation.resolution;
    const outcome = policy.outcomes.find((candidate) => candidate.id === outcomeId)?.label ?? outcomeId;
    lines.push(
      `Outcome: ${outcome}, on ${formatDate(new Date(resolvedAt))} (${agreementReached ? 'agreement reached' : 'without agreement'}).`,
    );
  } else if (escalation.status === 'withdrawn' && escalation.withdrawal) {
    lines.push(`Outcome: withdrawn on ${formatDate(new Date(escalation.withdrawal.withdrawnAt))}.`);
  } else {
    const next = state.next;
    lines.push(
      `Current position: open, at step ${state.currentStep.id} (${state.currentStep.title})${
        next?.dueAt ? `; next: step ${next.step.id}, due ${formatDate(next.dueAt)}` : ''
      }.`,
    );
  }

  lines.push(
    '',
    `From: ${joined([options.sender.name, options.sender.role, options.sender.agency]) || 'the practitioner raising it'}${
      options.sender.contact ? ` (${options.sender.contact})` : ''
    }`,
    '',
    options.includeRecordId
      ? 'The child’s name and the details of the concern are not included; they are on the child’s file at each agency.'
      : 'The child’s name, record id and the details of the concern are not included; they are on the child’s file at each agency.',
  );

  const subject = notificationSubject(escalation, kind);
  const text = `${lines.join('\n')}\n`;
  const address = options.recipient?.email
    ? encodeURIComponent(options.recipient.email).replace('%40', '@')
    : '';
  // RFC 6068: line breaks in a mailto body are written as %0D%0A.
  const body = encodeURIComponent(text.replaceAll('\n', '\r\n'));
  return { subject, text, mailto: `mailto:${address}?subject=${encodeURIComponent(subject)}&body=${body}` };
}
