// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { panBerkshirePolicy } from '@/lib/policy';
import { loadStoredData } from '@/lib/storage';
import { fakeAreas } from '@/lib/storage/testing';
import { startDraftKey } from './StartEscalation';
import { childOnPage, createHarness } from './testing';

afterEach(cleanup);

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

async function openStart() {
  fireEvent.click(await screen.findByRole('button', { name: 'Start an escalation' }));
}

/** Fills in every required answer of the start form. */
function fillStartForm() {
  type('Agency', 'Berkshire Healthcare NHS Foundation Trust');
  type('Professional whose decision you disagree with', 'Alex Jones');
  type('Their role', 'Health Visitor');
  fireEvent.change(screen.getByLabelText('Reason for the escalation'), {
    target: { value: 'threshold-or-referral' },
  });
  type('The decision, action or inaction you disagree with', 'No referral after the home visit.');
  type('Fact', 'Bruise on the left forearm seen on 30 Oct.');
  type('Source', 'Health visitor notes');
  type('Impact on the child', 'Possible harm going unassessed.');
  type('Outcome you are seeking', 'A referral for a single assessment.');
  type('Your name', 'Sam Patel');
  type('Your role', 'Social Worker');
  type('Your agency', 'Reading Children’s Services');
}

describe('starting an escalation', () => {
  it('offers to start one when the child has none, and asks about imminent risk first', async () => {
    const harness = createHarness('2026-11-02T11:00:00Z');
    harness.show();
    expect(await screen.findByRole('heading', { name: 'Escalations for Record LCS-104233' })).toBeDefined();
    expect(screen.getByText('No escalation has been started for this child.')).toBeDefined();
    click('Start an escalation');
    const heading = await screen.findByRole('heading', { name: 'Start an escalation' });
    expect(document.activeElement).toBe(heading);
    const question = screen.getByRole('group', { name: panBerkshirePolicy.imminentRisk.question });
    expect(within(question).getByRole('button', { name: 'Yes' })).toBeDefined();
  });

  it('after "yes" shows the policy’s guidance before anything else, and records what was done', async () => {
    const harness = createHarness('2026-11-02T11:00:00Z');
    harness.show();
    await openStart();
    await act(async () => click('Yes'));

    const heading = await screen.findByRole('heading', { name: /Act now/ });
    expect(document.activeElement).toBe(heading);
    // The guidance comes straight after the heading, before any field.
    const guidance = heading.parentElement?.querySelector('.urgent-guidance');
    expect(guidance?.textContent).toContain(panBerkshirePolicy.imminentRisk.actions[0]);
    expect(guidance?.textContent).toContain('dial 999');
    expect(
      heading.compareDocumentPosition(screen.getByLabelText('What have you done about the risk?')) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();

    click('Continue to the escalation details');
    const field = screen.getByLabelText('What have you done about the risk?');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toMatch(/One answer needs fixing/);
    expect(
      document.getElementById(field.getAttribute('aria-describedby')?.split(' ').at(-1) ?? '')?.textContent,
    ).toMatch(/Say what you have done about the risk/);

    type('What have you done about the risk?', 'Told Dana Reid, Safeguarding Lead, at 10:55.');
    fireEvent.click(screen.getByLabelText(/Use the urgent track/));
    await act(async () => click('Continue to the escalation details'));
    expect(await screen.findByRole('heading', { name: 'Escalation details' })).toBeDefined();
    expect(screen.getByText(/Told Dana Reid/)).toBeDefined();

    fillStartForm();
    await act(async () => click('Start the escalation'));
    await screen.findByRole('heading', { name: 'Escalation with Berkshire Healthcare NHS Foundation Trust' });
    const [stored] = await harness.stored();
    expect(stored?.imminentRisk).toEqual({
      atRisk: true,
      answeredAt: '2026-11-02T11:00:00.000Z',
      actionTaken: 'Told Dana Reid, Safeguarding Lead, at 10:55.',
    });
    expect(stored?.track).toBe('urgent');
  });

  it('says what to fix next to each field and moves focus to the first', async () => {
    const harness = createHarness('2026-11-02T11:00:00Z');
    harness.show();
    await openStart();
    await act(async () => click('No'));
    await screen.findByRole('heading', { name: 'Escalation details' });

    await act(async () => click('Start the escalation'));
    expect(screen.getByRole('alert').textContent).toMatch(/answers need fixing/);
    const agency = screen.getByLabelText('Agency');
    expect(document.activeElement).toBe(agency);
    const expectMessage = (label: string | RegExp, message: RegExp) => {
      const field = screen.getByLabelText(label);
      expect(field.getAttribute('aria-invalid')).toBe('true');
      const described = (field.getAttribute('aria-describedby') ?? '').split(' ');
      const text = described.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      expect(text).toMatch(message);
    };
    expectMessage('Agency', /Enter the other agency’s name/);
    expectMessage('Reason for the escalation', /Choose the reason/);
    expectMessage('Fact', /Give at least one fact and where it comes from/);
    expectMessage('Impact on the child', /Describe the impact on the child/);
    expectMessage('Your name', /Enter your name/);
    // Optional answers are never marked.
    expect(screen.getByLabelText(/Their phone or email/).getAttribute('aria-invalid')).toBeNull();

    fillStartForm();
    type('Source', '');
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '2026-11-03' } });
    await act(async () => click('Start the escalation'));
    expectMessage('Source', /Say where this fact comes from/);
    expectMessage('Date', /cannot start in the future/);
    expect(await harness.stored()).toEqual([]);
  });

  it('starts the escalation through the store, saves your details, and offers to copy the entry', async () => {
    const harness = createHarness('2026-11-02T11:00:00Z');
    harness.show();
    await openStart();
    await act(async () => click('No'));
    await screen.findByRole('heading', { name: 'Escalation details' });
    fillStartForm();
    // The difference of opinion started earlier that morning.
    fireEvent.change(screen.getByLabelText(/^Time/), { target: { value: '10:30' } });
    await act(async () => click('Start the escalation'));

    const heading = await screen.findByRole('heading', {
      name: 'Escalation with Berkshire Healthcare NHS Foundation Trust',
    });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText(/Escalation started\. Record it on the child’s file/)).toBeDefined();

    const data = await loadStoredData(fakeAreas());
    const [stored] = data.escalations;
    expect(stored?.differenceStartedAt).toBe('2026-11-02T10:30:00.000Z');
    expect(stored?.raisedBy).toEqual({
      name: 'Sam Patel',
      role: 'Social Worker',
      agency: 'Reading Children’s Services',
    });
    expect(stored?.imminentRisk.atRisk).toBe(false);
    expect(stored?.track).toBe('standard');
    // Names are not kept unless the practitioner has chosen to show them.
    expect(stored?.child).toEqual({
      system: 'Liquidlogic LCS',
      recordId: 'LCS-104233',
      recordUrl: 'https://lcs.example.org/person/104233',
    });
    await waitFor(async () =>
      expect((await loadStoredData(fakeAreas())).settings.profile.name).toBe('Sam Patel'),
    );
    expect(harness.drafts.saved.size).toBe(0);

    await act(async () => click('Copy this entry for the case note'));
    expect(harness.caseNote.copied[0]).toMatch(/^PROFESSIONAL DIFFERENCE OF OPINION - STAGE 1/);
    expect(screen.getByText(/^Copied [\d,]+ characters\.$/)).toBeDefined();
  });

  it('keeps what was typed when the panel is closed and reopened', async () => {
    const harness = createHarness('2026-11-02T11:00:00Z');
    const first = harness.show();
    await openStart();
    await act(async () => click('No'));
    await screen.findByRole('heading', { name: 'Escalation details' });
    type('Agency', 'Thames Valley Police');
    type('Fact', 'Two call-outs to the address this week.');
    first.unmount();

    harness.show();
    await openStart();
    await screen.findByRole('heading', { name: 'Escalation details' });
    expect(screen.getByLabelText<HTMLInputElement>('Agency').value).toBe('Thames Valley Police');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Fact').value).toBe(
      'Two call-outs to the address this week.',
    );
  });

  it('ignores a saved draft that no longer fits the form', async () => {
    const harness = createHarness('2026-11-02T11:00:00Z');
    harness.drafts.saved.set(startDraftKey(childOnPage), JSON.stringify({ agency: 42 }));
    harness.show();
    await openStart();
    expect(await screen.findByRole('heading', { name: 'Start an escalation' })).toBeDefined();
  });
});
