// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { teamManager } from '@/lib/escalation/testing';
import { escalationAtStage2 } from '@/lib/record/examples';
import { loadStoredData } from '@/lib/storage';
import { fakeAreas } from '@/lib/storage/testing';
import { EscalationWorkspace } from './EscalationWorkspace';
import { createHarness, type Harness } from './testing';

afterEach(cleanup);

const agency = 'Berkshire Healthcare NHS Foundation Trust';
const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const type = (label: string | RegExp, value: string, within: HTMLElement = document.body) =>
  fireEvent.change(
    screen.getAllByLabelText(label).find((element) => within.contains(element)) ??
      screen.getByLabelText(label),
    { target: { value } },
  );

/** The example escalation (started Mon 2 Nov 2026, 10:30), opened in the panel at `now`. */
async function openExample(now: string, setUp: (harness: Harness) => Promise<void> = startExample) {
  const harness = createHarness(now);
  await harness.saveProfile();
  await setUp(harness);
  harness.show();
  fireEvent.click(await screen.findByRole('button', { name: `Open the escalation with ${agency}` }));
  await screen.findByRole('heading', { name: `Escalation with ${agency}` });
  return harness;
}

async function startExample(harness: Harness) {
  await harness.startExample();
}

async function atStage2(harness: Harness) {
  await harness.put(escalationAtStage2());
}

function timelineSteps() {
  return within(screen.getByRole('region', { name: 'Every step and its deadline' })).getAllByRole('listitem');
}

const summaryLine = () => document.querySelector('.summary-line')?.textContent;
const announced = () => document.querySelector('[aria-live="polite"]')?.textContent;
const deadlines = () =>
  timelineSteps().map((step) => /Deadline: ([^(]+?\d\d:\d\d)/.exec(step.textContent ?? '')?.[1]);
const standing = () => timelineSteps().map((step) => step.querySelector('.step-standing')?.textContent);

describe('where an escalation stands', () => {
  it('shows every Pan Berkshire deadline and the step due next, for a start on Mon 2 Nov 2026 at 10:30', async () => {
    await openExample('2026-11-02T12:00:00Z');
    expect(summaryLine()).toBe(
      'Stage 1, step 1a: discussion between the professionals involved. Due Tue 3 Nov, 17:00 (in 1 working day).',
    );
    // Nothing is announced until something changes.
    expect(announced()).toBe('');
    expect(deadlines()).toEqual([
      'Tue 3 Nov 2026, 17:00',
      'Wed 4 Nov 2026, 17:00',
      'Thu 5 Nov 2026, 17:00',
      'Fri 6 Nov 2026, 17:00',
      'Tue 10 Nov 2026, 17:00',
    ]);
    expect(timelineSteps().map((step) => step.getAttribute('aria-current'))).toEqual([
      'step',
      null,
      null,
      null,
      null,
    ]);
    expect(standing()).toEqual(['Current step: Due', 'To come', 'To come', 'To come', 'To come']);
  });

  it('explains how each deadline was worked out', async () => {
    await openExample('2026-11-02T12:00:00Z');
    const stage4 = timelineSteps()[4];
    const details = stage4?.querySelector('details');
    expect(details?.querySelector('summary')?.textContent).toBe('How this deadline was worked out (Stage 4)');
    expect(details?.textContent).toContain(
      '6 working days from Mon 2 Nov 2026: skips the weekend. Due Tue 10 Nov 2026, 17:00.',
    );
    expect(details?.textContent).toContain('within 6 working days of the start of the difference of opinion');
  });

  it('says "today" on the day, and overdue (in words and symbol) once the deadline has passed', async () => {
    const harness = await openExample('2026-11-03T10:00:00Z');
    expect(summaryLine()).toMatch(/Due Tue 3 Nov, 17:00 \(today\)\.$/);
    expect(standing()[0]).toBe('Current step: Due soon');
    cleanup();

    harness.clock.now = new Date('2026-11-04T10:00:00Z');
    harness.show();
    fireEvent.click(await screen.findByRole('button', { name: `Open the escalation with ${agency}` }));
    await screen.findByRole('heading', { name: `Escalation with ${agency}` });
    expect(summaryLine()).toMatch(/Was due Tue 3 Nov, 17:00 \(overdue by 17 hours\)\.$/);
    expect(standing()[0]).toBe('Current step: Overdue');
    expect(timelineSteps()[0]?.querySelector('.step-symbol')?.textContent).toBe('!');
  });

  it('at stage 2 gives the one-line summary for the next management level', async () => {
    await openExample('2026-11-04T16:30:00Z', atStage2);
    expect(summaryLine()).toBe(
      'Stage 2: discussion at the next management level or with appropriate safeguarding leads. Due Thu 5 Nov, 17:00 (in 1 working day).',
    );
    expect(standing()).toEqual(['Done', 'Done', 'Current step: Due', 'To come', 'To come']);
  });

  it('calls a later step missed when its deadline passes first', async () => {
    await openExample('2026-11-06T18:00:00Z', atStage2);
    expect(standing()).toEqual([
      'Done',
      'Done',
      'Current step: Overdue',
      'Missed: deadline passed',
      'To come',
    ]);
  });
});

describe('duties at the current step', () => {
  it('ticks a duty with when and how, through the store', async () => {
    const harness = await openExample('2026-11-04T16:30:00Z', atStage2);
    const duties = screen.getByRole('region', { name: 'Duties at this step' });
    const items = within(duties).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('p strong')?.textContent)).toEqual([
      'To do: ',
      'To do: ',
      'Done: ',
      'Optional: ',
      'Optional: ',
    ]);
    expect(items[2]?.textContent).toContain(
      'Done Wed 4 Nov 2026, 15:00, by email (Sent to the partnership inbox).',
    );

    const feedBack = items[0] as HTMLElement;
    fireEvent.click(within(feedBack).getByRole('button', { name: 'Record as done' }));
    fireEvent.change(within(feedBack).getByLabelText('Time (UK, 24-hour)'), { target: { value: '17:30' } });
    await act(async () => fireEvent.click(within(feedBack).getByRole('button', { name: 'Save as done' })));
    expect(within(feedBack).getByText(/It cannot have been done in the future/)).toBeDefined();

    fireEvent.change(within(feedBack).getByLabelText('Time (UK, 24-hour)'), { target: { value: '16:00' } });
    fireEvent.change(within(feedBack).getByLabelText('How'), { target: { value: 'call' } });
    await act(async () => fireEvent.click(within(feedBack).getByRole('button', { name: 'Save as done' })));
    await screen.findByText(/^Duty done: Any action agreed should be fed back/);
    const [stored] = await harness.stored();
    expect(stored?.dutiesDone.find((done) => done.dutyId === 'feed-back')).toMatchObject({
      stepId: '2',
      doneAt: '2026-11-04T16:00:00.000Z',
      method: 'call',
    });
    const updated = within(screen.getByRole('region', { name: 'Duties at this step' })).getAllByRole(
      'listitem',
    );
    expect(updated[0]?.textContent).toContain('Done Wed 4 Nov 2026, 16:00, by phone call.');
  });
});

describe('recording the work', () => {
  it('records a discussion, escalates to the next step, then resolves', async () => {
    const harness = await openExample('2026-11-02T14:00:00Z');
    click('Record a discussion');
    const form = screen.getByRole('form', { name: 'Record a discussion' });
    await act(async () =>
      fireEvent.click(within(form).getByRole('button', { name: 'Record the discussion' })),
    );
    expect(within(form).getByText(`Say what ${agency}’s position was.`)).toBeDefined();
    // The people taking part start from the practitioner and the other professional.
    expect(
      within(form)
        .getAllByLabelText<HTMLInputElement>('Name')
        .map((input) => input.value),
    ).toEqual(['Sam Patel', 'Alex Jones']);

    type(`${agency}’s position`, 'The bruise has a plausible explanation.', form);
    type('Summary of the discussion', 'Discussed the bruise and missed nursery sessions.', form);
    type('Outcome', 'Not resolved; escalating to line managers.', form);
    type(/^What was agreed/, 'Share the nursery attendance record.', form);
    type(/^Who will do it/, 'Sam Patel', form);
    type(/^Due by/, '2026-11-04', form);
    fireEvent.click(within(form).getByLabelText(/fed back/));
    await act(async () =>
      fireEvent.click(within(form).getByRole('button', { name: 'Record the discussion' })),
    );
    await screen.findByText(/^Discussion recorded\. Record it on the child’s file/);
    expect(screen.queryByRole('form', { name: 'Record a discussion' })).toBeNull();
    expect(summaryLine()).toMatch(
      /^If not resolved at this step, next: Stage 1, step 1b: discussion between line managers/,
    );
    // The new deadline is announced once, politely.
    expect(announced()).toBe(summaryLine());

    await act(async () => click('Escalate to stage 1, step 1b'));
    await screen.findByText(/^Escalated to stage 1, step 1b\./);
    expect(summaryLine()).toBe(
      'Stage 1, step 1b: discussion between line managers / team managers. Due Wed 4 Nov, 17:00 (in 2 working days).',
    );
    expect(standing().slice(0, 2)).toEqual(['Done', 'Current step: Due']);

    click('Resolve');
    const resolve = screen.getByRole('form', { name: 'Resolve the escalation' });
    fireEvent.click(within(resolve).getByLabelText('Yes'));
    // Withdrawing has its own form, and "Unresolved after stage 4" belongs to stage 4.
    expect(
      [...(within(resolve).getByLabelText('Outcome') as HTMLSelectElement).options].map(
        (option) => option.value,
      ),
    ).toEqual(['', 'resolved', 'referred-to-partnership']);
    expect((within(resolve).getByLabelText('Where agreement was reached') as HTMLSelectElement).value).toBe(
      'd1',
    );
    fireEvent.change(within(resolve).getByLabelText('Outcome'), { target: { value: 'resolved' } });
    await act(async () =>
      fireEvent.click(within(resolve).getByRole('button', { name: 'Resolve the escalation' })),
    );
    expect(within(resolve).getByText(/Summarise the resolution/)).toBeDefined();
    type('Summary of the resolution', 'Line managers agreed a referral is needed.', resolve);
    await act(async () =>
      fireEvent.click(within(resolve).getByRole('button', { name: 'Resolve the escalation' })),
    );
    await waitFor(() => expect(summaryLine()).toBe('Resolved at stage 1 on Mon 2 Nov 2026, 14:00.'));

    const [stored] = await harness.stored();
    expect(stored?.status).toBe('resolved');
    expect(stored?.resolution).toMatchObject({ agreementReached: true, agreedAtDiscussionId: 'd1' });
    expect(stored?.discussions[0]?.agreedActions).toEqual([
      {
        id: 'd1-a1',
        action: 'Share the nursery attendance record.',
        owner: 'Sam Patel',
        dueOn: '2026-11-04',
      },
    ]);
    expect(stored?.events.map((event) => event.kind)).toEqual([
      'started',
      'discussion-recorded',
      'moved-to-next-step',
      'resolved',
    ]);

    click('All escalations for this child');
    const ended = await screen.findByRole('heading', { name: 'Ended' });
    expect(ended).toBeDefined();
    expect(screen.getByRole('button', { name: 'Start an escalation' })).toBeDefined();
  });

  it('moves ahead of the timescale in an urgent case, with the reason', async () => {
    const harness = await openExample('2026-11-02T14:00:00Z');
    expect(screen.getByText(/record the discussion at this step first/)).toBeDefined();
    click('Move ahead of the timescale (urgent)');
    const form = screen.getByRole('form', { name: 'Move ahead of the timescale' });
    // The procedure is not always linear: every later step and stage is offered, with its own words on it.
    expect(
      within(form)
        .getAllByRole('option')
        .map((option) => option.getAttribute('value')),
    ).toEqual(['1b', '2', '3', '4']);
    expect(
      within(form).getByText(
        /^The procedure says: “Responding to professional disagreements will not always be a linear process, and in emergency cases/,
      ),
    ).toBeDefined();
    fireEvent.change(within(form).getByLabelText('Move to'), { target: { value: '2' } });
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Move ahead' })));
    expect(within(form).getByText('Give the reason for moving ahead of the timescale.')).toBeDefined();
    type('Why this cannot wait for the timescale', 'New injuries seen today.', form);
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Move ahead' })));
    await screen.findByText(/^Moved ahead of the timescale to stage 2\./);
    expect(standing().slice(0, 3)).toEqual([
      'Passed over: moved ahead of the timescale',
      'Skipped: moved ahead of the timescale',
      'Current step: Due',
    ]);
    const [stored] = await harness.stored();
    expect(stored).toMatchObject({ track: 'urgent', currentStepId: '2' });
  });

  it('keeps a half-typed discussion when the panel is closed and reopened', async () => {
    const harness = await openExample('2026-11-02T14:00:00Z');
    click('Record a discussion');
    type('Summary of the discussion', 'Half-way through typing');
    await waitFor(() => expect(harness.drafts.saved.size).toBe(1));
    cleanup();
    harness.show();
    fireEvent.click(await screen.findByRole('button', { name: `Open the escalation with ${agency}` }));
    click('Record a discussion');
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLTextAreaElement>('Summary of the discussion').value).toBe(
        'Half-way through typing',
      ),
    );
  });

  it('withdraws with a reason, and reopens with the withdrawal kept in the history', async () => {
    const harness = await openExample('2026-11-02T14:00:00Z');
    click('Withdraw');
    const withdraw = screen.getByRole('form', { name: 'Withdraw the escalation' });
    await act(async () =>
      fireEvent.click(within(withdraw).getByRole('button', { name: 'Withdraw the escalation' })),
    );
    expect(within(withdraw).getByText('Give the reason for withdrawing.')).toBeDefined();
    type('Why it is being withdrawn', 'New information: the referral was made this morning.', withdraw);
    await act(async () =>
      fireEvent.click(within(withdraw).getByRole('button', { name: 'Withdraw the escalation' })),
    );
    await waitFor(() => expect(summaryLine()).toBe('Withdrawn at stage 1 on Mon 2 Nov 2026, 14:00.'));
    expect(screen.queryByRole('button', { name: 'Record a discussion' })).toBeNull();

    click('Reopen');
    type('Why it is being reopened', 'The referral was not made after all.');
    await act(async () => click('Reopen the escalation'));
    await screen.findByText(/^Reopened\. Record it/);
    expect((await harness.stored())[0]?.status).toBe('open');
    const history = screen.getByRole('region', { name: 'History' });
    expect(history.textContent).toContain('Reason: The referral was not made after all.');
    const before = within(history).getByText('As it was before this change').closest('details');
    expect(before?.textContent).toContain('New information: the referral was made this morning.');
  });

  it('corrects an earlier entry, keeping the original in the history', async () => {
    const harness = await openExample('2026-11-02T14:00:00Z');
    click('Correct an earlier entry');
    const form = screen.getByRole('form', { name: 'Correct an earlier entry' });
    expect(within(form).getByLabelText<HTMLTextAreaElement>('Corrected wording').value).toBe(
      'The decision not to make a referral to children’s social care after the home visit.',
    );
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Save the correction' })));
    expect(within(form).getByText(/This is the same as the entry now/)).toBeDefined();
    expect(within(form).getByText('Say why the entry is being corrected.')).toBeDefined();

    type('Corrected wording', 'The decision not to refer after the home visit on 30 Oct.', form);
    type('Why it is being corrected', 'The date of the visit was missing.', form);
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Save the correction' })));
    await screen.findByText(/^Correction saved\./);

    const [stored] = await harness.stored();
    expect(stored?.concern.disagreedWith).toBe('The decision not to refer after the home visit on 30 Oct.');
    const history = screen.getByRole('region', { name: 'History' });
    expect(history.textContent).toContain('The concern was amended.');
    expect(history.textContent).toContain('Reason: The date of the visit was missing.');
    expect(
      within(history).getByText('As it was before this change').closest('details')?.textContent,
    ).toContain('The decision not to make a referral to children’s social care after the home visit.');
  });

  it('says the escalation was changed elsewhere, and shows the latest data when it arrives', async () => {
    const harness = createHarness('2026-11-04T16:30:00Z');
    await harness.saveProfile();
    await harness.put(escalationAtStage2());
    const before = await loadStoredData(fakeAreas());
    const view = render(<EscalationWorkspace {...harness.props(before)} />);
    fireEvent.click(screen.getByRole('button', { name: `Open the escalation with ${agency}` }));

    // Another tab ticks a duty first.
    const revision = before.escalations[0]?.revision ?? 0;
    await harness.store.changeEscalation(
      'esc-1',
      revision,
      {
        kind: 'tick-duty',
        input: { dutyId: 'feed-back', doneAt: '2026-11-04T16:00:00Z', method: 'meeting' },
      },
      teamManager,
    );

    const recordOnFile = within(screen.getByRole('region', { name: 'Duties at this step' })).getAllByRole(
      'listitem',
    )[1] as HTMLElement;
    fireEvent.click(within(recordOnFile).getByRole('button', { name: 'Record as done' }));
    await act(async () =>
      fireEvent.click(within(recordOnFile).getByRole('button', { name: 'Save as done' })),
    );
    expect(within(recordOnFile).getByRole('alert').textContent).toMatch(/^⚠ Changed elsewhere: /);

    view.rerender(<EscalationWorkspace {...harness.props(await loadStoredData(fakeAreas()))} />);
    const duties = within(screen.getByRole('region', { name: 'Duties at this step' })).getAllByRole(
      'listitem',
    );
    expect(duties[0]?.textContent).toContain('Done Wed 4 Nov 2026, 16:00, by meeting.');
    // The form kept what was entered, and saving again now applies to the latest version.
    await act(async () =>
      fireEvent.click(within(recordOnFile).getByRole('button', { name: 'Save as done' })),
    );
    await screen.findByText(/^Duty done: The detail of the escalation/);
    expect((await harness.stored())[0]?.dutiesDone.map((done) => done.dutyId)).toContain('record-on-file');
  });

  it('asks for the practitioner’s details before offering changes', async () => {
    const harness = createHarness('2026-11-02T14:00:00Z');
    await harness.startExample();
    harness.show();
    fireEvent.click(await screen.findByRole('button', { name: `Open the escalation with ${agency}` }));
    expect(screen.queryByRole('button', { name: 'Record a discussion' })).toBeNull();
    type('Your name', 'Jo Okafor');
    type('Your role', 'Team Manager');
    type('Your agency', 'Reading Children’s Services');
    await act(async () => click('Save your details'));
    expect(await screen.findByRole('button', { name: 'Record a discussion' })).toBeDefined();
    expect((await loadStoredData(fakeAreas())).settings.profile.name).toBe('Jo Okafor');
  });
});
