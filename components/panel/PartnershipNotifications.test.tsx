// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Escalation,
  moveToNextStep,
  recordDiscussion,
  resolveEscalation,
  tickDuty,
} from '@/lib/escalation';
import { accepted, contextAt, discussionAt, draft, startedEscalation } from '@/lib/escalation/testing';
import { createHarness } from './testing';

afterEach(cleanup);

const agency = 'Berkshire Healthcare NHS Foundation Trust';

/** At stage 2 since Wed 4 Nov, with the Business Manager not yet told. */
function atStage2(): Escalation {
  let escalation = startedEscalation();
  escalation = accepted(
    recordDiscussion(escalation, discussionAt('2026-11-03T11:00:00Z'), contextAt('2026-11-03T11:30:00Z')),
  );
  escalation = accepted(moveToNextStep(escalation, {}, contextAt('2026-11-03T12:00:00Z')));
  escalation = accepted(
    recordDiscussion(escalation, discussionAt('2026-11-04T10:00:00Z'), contextAt('2026-11-04T10:30:00Z')),
  );
  return accepted(moveToNextStep(escalation, {}, contextAt('2026-11-04T11:00:00Z')));
}

async function open(escalation: Escalation, now: string) {
  const harness = createHarness(now);
  await harness.saveProfile();
  await harness.put(escalation);
  harness.show();
  fireEvent.click(await screen.findByRole('button', { name: `Open the escalation with ${agency}` }));
  await screen.findByRole('heading', { name: `Escalation with ${agency}` });
  return harness;
}

const text = () => (screen.getByLabelText('Notification text') as HTMLTextAreaElement).value;

describe('Prepare the notification', () => {
  it('prepares the Business Manager’s notification with no child name, record id or concern', async () => {
    const harness = await open(atStage2(), '2026-11-04T16:00:00Z');
    const prepare = screen.getAllByRole('button', { name: 'Prepare the notification' });
    expect(prepare).toHaveLength(2); // the Business Manager (required) and the Independent Scrutineer (optional)
    fireEvent.click(prepare[0] as HTMLElement);
    expect(text()).toContain('To: Safeguarding Children Partnership Business Manager');
    expect(text()).toContain('Stage reached: Stage 2 – Management finding solutions');
    for (const secret of [draft.child.recordId, 'Child A', draft.concern.disagreedWith, 'Alex Jones'])
      expect(text()).not.toContain(secret);
    fireEvent.click(screen.getByLabelText(/^Include the professionals’ names/));
    expect(text()).toContain('Alex Jones, Health Visitor');

    const draftLink = screen.getByRole('link', { name: /^Open as an email draft to BWSCP@/ });
    const url = new URL(draftLink.getAttribute('href') ?? '');
    expect(url.searchParams.get('subject')).toBe(screen.getByTestId('notification-subject').textContent);
    expect(url.searchParams.get('body')).toBe(text().replaceAll('\n', '\r\n'));

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy the notification' }));
    });
    expect(harness.caseNote.copied[0]).toBe(`Subject: ${url.searchParams.get('subject')}\n\n${text()}`);
  });

  it('ticks the duty only when the practitioner says it was sent, with how and when', async () => {
    const harness = await open(atStage2(), '2026-11-04T16:00:00Z');
    fireEvent.click(screen.getAllByRole('button', { name: 'Prepare the notification' })[0] as HTMLElement);
    expect((await harness.stored())[0]?.dutiesDone).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'I have sent it' }));
    fireEvent.change(screen.getByLabelText('How it was sent'), { target: { value: 'secure-message' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save as sent' }));
    });
    await waitFor(async () =>
      expect((await harness.stored())[0]?.dutiesDone).toMatchObject([
        {
          dutyId: 'share-with-business-manager',
          method: 'secure-message',
          doneAt: '2026-11-04T16:00:00.000Z',
        },
      ]),
    );
  });

  it('offers the resolution notification once a notified escalation has ended, and not before', async () => {
    const told = accepted(
      tickDuty(
        atStage2(),
        { dutyId: 'share-with-business-manager', doneAt: '2026-11-04T15:00:00Z', method: 'email' },
        contextAt('2026-11-04T15:10:00Z'),
      ),
    );
    const resolved = accepted(
      resolveEscalation(
        told,
        {
          agreementReached: true,
          agreementReason: 'Agreed by email.',
          outcomeId: 'resolved',
          summary: 'Referral agreed.',
        },
        contextAt('2026-11-05T10:00:00Z'),
      ),
    );
    await open(resolved, '2026-11-05T11:00:00Z');
    expect(screen.queryByRole('button', { name: 'Prepare the notification' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Prepare the resolution notification' }));
    expect(text()).toContain('has ended');
    expect(text()).toContain('Outcome: Resolved: agreement reached, on Thu 5 Nov 2026');
    expect(screen.queryByRole('button', { name: 'I have sent it' })).toBeNull();
  });
});
