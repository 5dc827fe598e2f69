import { describe, expect, it } from 'vitest';
import { panBerkshirePolicy as policy } from '../policy';
import { BERKSHIRE_WEST_BUSINESS_MANAGER } from '../settings/schema';
import { escalationAtStage2, resolvedEscalation } from './examples';
import { type NotificationOptions, prepareNotification } from './notification';

const options: NotificationOptions = {
  kind: 'stage',
  now: new Date('2026-11-04T16:30:00Z'),
  recipientTitle: 'Safeguarding Children Partnership Business Manager',
  recipient: BERKSHIRE_WEST_BUSINESS_MANAGER,
  sender: {
    name: 'Sam Patel',
    role: 'Social Worker',
    agency: "Reading Children's Services",
    contact: '0118 000 0000',
  },
  includeNames: false,
  includeRecordId: false,
};

/** What a notification must never carry unless allowed: the child and the concern. */
function childAndConcern(escalation: ReturnType<typeof escalationAtStage2>) {
  const { child, concern } = escalation;
  return [
    child.displayName ?? '',
    child.recordUrl ?? '',
    concern.disagreedWith,
    concern.impactOnChild,
    concern.outcomeSought,
    concern.childsVoice ?? '',
    ...concern.facts.flatMap((fact) => [fact.fact, fact.source]),
    ...concern.opinions.map((opinion) => opinion.opinion),
    ...escalation.discussions.flatMap((discussion) => [discussion.summary, discussion.otherAgencyPosition]),
  ].filter((secret) => secret !== '');
}

describe('the notification to the partnership', () => {
  it('matches the golden file for a stage 2 escalation', async () => {
    const prepared = prepareNotification(escalationAtStage2(), policy, options);
    expect(prepared.subject).toBe(
      'Escalation ESC-20261102-ESC1 – stage 2 – professional disagreement notification',
    );
    await expect(prepared.text).toMatchFileSnapshot('./__golden__/notification-stage-2.txt');
  });

  it('holds neither the child’s name, nor the record id, nor the concern’s text', () => {
    const escalation = escalationAtStage2();
    const { text, subject, mailto } = prepareNotification(escalation, policy, {
      ...options,
      includeNames: true,
    });
    for (const secret of [...childAndConcern(escalation), escalation.child.recordId]) {
      expect(text).not.toContain(secret);
      expect(subject).not.toContain(secret);
      expect(decodeURIComponent(mailto)).not.toContain(secret);
    }
  });

  it('holds the record id only when the organisation’s setting allows it, and still no name or concern', () => {
    const escalation = escalationAtStage2();
    const { text, subject } = prepareNotification(escalation, policy, { ...options, includeRecordId: true });
    expect(text).toContain(`Child’s record: Liquidlogic LCS record ${escalation.child.recordId}`);
    expect(subject).not.toContain(escalation.child.recordId);
    for (const secret of childAndConcern(escalation)) expect(text).not.toContain(secret);
  });

  it('names the professionals only when the sender chooses', () => {
    const escalation = escalationAtStage2();
    expect(prepareNotification(escalation, policy, options).text).not.toContain('Alex Jones');
    expect(prepareNotification(escalation, policy, { ...options, includeNames: true }).text).toContain(
      "Professionals: Sam Patel, Social Worker, Reading Children's Services; Alex Jones, Health Visitor, Berkshire Healthcare NHS Foundation Trust",
    );
  });

  it('drafts an email to the contact with the subject and the text, line breaks as CRLF', () => {
    const { mailto, subject, text } = prepareNotification(escalationAtStage2(), policy, options);
    const url = new URL(mailto);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('BWSCP@brightfuturesforchildren.org');
    expect(url.searchParams.get('subject')).toBe(subject);
    expect(url.searchParams.get('body')).toBe(text.replaceAll('\n', '\r\n'));
    const withoutEmail = prepareNotification(escalationAtStage2(), policy, {
      ...options,
      recipient: { name: 'Someone' },
    });
    expect(withoutEmail.mailto.startsWith('mailto:?subject=')).toBe(true);
  });

  it('tells of the outcome once the escalation has ended', () => {
    const { text, subject } = prepareNotification(resolvedEscalation(), policy, {
      ...options,
      kind: 'resolution',
      now: new Date('2026-11-05T12:00:00Z'),
    });
    expect(subject).toBe('Escalation ESC-20261102-ESC1 – ended – professional disagreement notification');
    expect(text).toContain('has ended');
    expect(text).toMatch(/Outcome: Resolved: agreement reached, on Thu 5 Nov 2026 \(agreement reached\)\./);
  });
});
