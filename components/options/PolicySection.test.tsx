// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { draft, socialWorker } from '@/lib/escalation/testing';
import { panBerkshirePolicy } from '@/lib/policy';
import { exampleChainedPolicy, exampleChainedPolicyInput } from '@/test/fixtures/policies/example-chained';
import { PolicySection } from './PolicySection';
import { jsonFile, now, optionsHarness } from './testing';

afterEach(cleanup);

const example = { id: exampleChainedPolicy.id, version: exampleChainedPolicy.version };

async function showSection(organisation?: Record<string, unknown>) {
  const harness = optionsHarness(organisation);
  harness.show((data, client) => <PolicySection data={data} client={client} now={now} />);
  await screen.findByRole('heading', { name: 'Policy and calendar', level: 2 });
  return harness;
}

async function choosePolicyFile(file: File) {
  await act(async () =>
    fireEvent.change(screen.getByLabelText('Policy file'), { target: { files: [file] } }),
  );
}

async function click(button: HTMLElement) {
  await act(async () => fireEvent.click(button));
}

describe('the active policy', () => {
  it('shows Pan Berkshire’s steps as a table, with its source and effective date', async () => {
    await showSection();
    expect((screen.getByLabelText('Choose the policy') as HTMLSelectElement).value).toBe(
      'pan-berkshire March 2026',
    );
    const table = screen.getByRole('table', { name: /The steps of Pan Berkshire/ });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Step', 'Stage', 'Timescale', 'Who is involved']);
    const firstStep = within(table).getByRole('row', { name: /1a: Discussion between the professionals/ });
    expect(firstStep.textContent).toContain('within 1 working day of the start of the difference of opinion');
    expect(firstStep.textContent).toContain('The professionals involved');
    expect(screen.getByText('Effective from').nextElementSibling?.textContent).toBe('March 2026');
    expect(screen.getByText(/Pan Berkshire Child Protection Procedures Manual, March 2026/)).toBeDefined();
  });

  it('saves another policy for new escalations, and goes back to the default', async () => {
    const { store, load } = await showSection();
    await store.saveSettings({ importedPolicies: [exampleChainedPolicy] });
    const select = await screen.findByLabelText('Choose the policy');
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2));
    fireEvent.change(select, { target: { value: 'example-chained 1' } });
    expect(screen.getByRole('table', { name: /The steps of Example chained procedure/ })).toBeDefined();
    await click(screen.getByRole('button', { name: 'Save Policy for new escalations' }));
    await screen.findByText(/New escalations will start under Example chained procedure/);
    expect((await load()).user.activePolicy).toEqual(example);

    await click(
      await screen.findByRole('button', { name: /^Use the default \(Pan Berkshire.*\) for Policy/ }),
    );
    await waitFor(async () => expect((await load()).user.activePolicy).toBeUndefined());
  });

  it('removes an imported policy only when nothing runs under it and it is not the active one', async () => {
    const { store, load } = await showSection();
    await store.saveSettings({ importedPolicies: [exampleChainedPolicy], activePolicy: example });
    const row = await screen.findByRole('row', {
      name: /Example chained procedure \(invented for tests\), version 1/,
    });
    expect(row.textContent).toMatch(/New escalations start under it: choose another policy first/);
    expect(within(row).queryByRole('button')).toBeNull();

    await store.startEscalation(
      { ...draft, policy: example, concern: { ...draft.concern, reasonCategory: 'other' } },
      socialWorker,
    );
    await store.saveSettings({}, ['activePolicy']);
    await waitFor(() =>
      expect(screen.getByRole('row', { name: /Example chained procedure/ }).textContent).toMatch(
        /1 stored escalation \(1 open\) runs under it; it can be removed once that escalation has been deleted/,
      ),
    );
    expect(
      within(screen.getByRole('row', { name: /Example chained procedure/ })).queryByRole('button'),
    ).toBeNull();

    await store.deleteAll();
    await store.saveSettings({ importedPolicies: [exampleChainedPolicy] });
    await click(
      await screen.findByRole('button', {
        name: 'Remove Example chained procedure (invented for tests), version 1',
      }),
    );
    await screen.findByText('Removed Example chained procedure (invented for tests), version 1.');
    expect((await load()).user.importedPolicies).toBeUndefined();
  });
});

describe('importing a policy', () => {
  it('previews a valid file’s deadlines for a sample start, and makes it active on acceptance', async () => {
    const { load } = await showSection();
    await choosePolicyFile(jsonFile(exampleChainedPolicyInput, 'chained.json'));
    const preview = await screen.findByRole('form', {
      name: /Check before using: Example chained procedure/,
    });
    expect(
      screen
        .getByText(
          'chained.json holds a valid policy, Example chained procedure (invented for tests), with 7 steps in 3 stages. Check its deadlines below, then use it or cancel.',
        )
        .getAttribute('role'),
    ).toBe('status');
    const sampleDate = within(preview).getByLabelText('Sample start date') as HTMLInputElement;
    // Today in London, from the clock the page was given.
    expect(sampleDate.value).toBe('2026-11-02');
    fireEvent.change(sampleDate, { target: { value: '2026-11-30' } });
    const timeline = within(preview).getByRole('table', { name: /Deadlines from Mon 30 Nov 2026, 08:30/ });
    // St Andrew’s Day, 30 Nov 2026, is a Scottish bank holiday: counting starts on Tue 1 Dec.
    expect(
      within(timeline).getByRole('row', { name: /acknowledge: Acknowledge the challenge/ }).textContent,
    ).toContain('Tue 1 Dec 2026, 12:30');
    expect((await load()).user).toEqual({});

    await click(within(preview).getByRole('button', { name: 'Use this policy' }));
    await screen.findByText(
      /Imported Example chained procedure \(invented for tests\), version 1: new escalations/,
    );
    const { user } = await load();
    expect(user.activePolicy).toEqual(example);
    expect(user.importedPolicies).toEqual([exampleChainedPolicy]);
    await waitFor(() =>
      expect((screen.getByLabelText('Choose the policy') as HTMLSelectElement).value).toBe(
        'example-chained 1',
      ),
    );
    expect(screen.queryByRole('form', { name: /Check before using/ })).toBeNull();
  });

  it('changes nothing when the preview is cancelled', async () => {
    const { area } = await showSection();
    const before = await area.get(null);
    await choosePolicyFile(jsonFile(exampleChainedPolicyInput));
    await click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: /Check before using/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Import a policy' }));
    expect(await area.get(null)).toEqual(before);
  });

  it('lists every problem in an invalid file, with where it is, and changes nothing', async () => {
    const { area } = await showSection();
    const before = await area.get(null);
    const broken = structuredClone(exampleChainedPolicyInput) as Record<string, unknown>;
    broken.version = '';
    broken.steps = [
      { ...exampleChainedPolicyInput.steps[0], timescale: { duration: { unit: 'working-days', amount: 0 } } },
    ];
    await choosePolicyFile(jsonFile(broken, 'broken.json'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(
      /broken.json cannot be used, and nothing has been changed\. 2 problems/,
    );
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['version: must not be empty', 'steps[0].timescale.duration.amount: must be more than zero']);
    expect(screen.queryByRole('form', { name: /Check before using/ })).toBeNull();
    expect(await area.get(null)).toEqual(before);

    await choosePolicyFile(jsonFile('{"format": 1,', 'cut-short.json'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/The file: This is not valid JSON/);
  });

  it('refuses a policy with the id and version of one already here, and changes nothing', async () => {
    const { area, store } = await showSection();
    await choosePolicyFile(jsonFile(panBerkshirePolicy));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /version March 2026 is already here \(built in\), so this file was not imported and nothing was changed/,
    );

    await store.saveSettings({ importedPolicies: [exampleChainedPolicy] });
    await screen.findByRole('row', { name: /Example chained procedure/ });
    const before = await area.get(null);
    await choosePolicyFile(jsonFile(exampleChainedPolicyInput));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/already here \(imported by you\)/),
    );
    expect(await area.get(null)).toEqual(before);
  });

  it('is not offered when the organisation chooses the policy', async () => {
    await showSection({
      organisationName: 'Reading Borough Council',
      policy: { id: 'pan-berkshire', version: 'March 2026' },
    });
    expect(screen.queryByLabelText('Policy file')).toBeNull();
    const select = screen.getByLabelText('Choose the policy') as HTMLSelectElement;
    expect(select.disabled).toBe(true);
    expect(document.getElementById(select.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      'Set by Reading Borough Council; it cannot be changed here.',
    );
    expect(screen.queryByRole('button', { name: 'Save Policy for new escalations' })).toBeNull();
  });
});

describe('the working calendar', () => {
  const addClosure = () => screen.getByRole('group', { name: 'Add a closure date' });

  it('adds and removes an organisation closure date, checking it first', async () => {
    const { load } = await showSection();
    await click(within(addClosure()).getByRole('button', { name: 'Add closure date' }));
    const date = within(addClosure()).getByLabelText('Date');
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(date.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(
      'Enter the date',
    );
    expect(within(addClosure()).getByRole('alert').textContent).toMatch(/One answer needs fixing/);

    fireEvent.change(date, { target: { value: '2026-12-29' } });
    fireEvent.change(within(addClosure()).getByLabelText(/Name/), { target: { value: 'Office closed' } });
    await click(within(addClosure()).getByRole('button', { name: 'Add closure date' }));
    await screen.findByText('Added the closure date Tue 29 Dec 2026, Office closed.');
    expect((await load()).user.calendar).toEqual({
      closures: [{ date: '2026-12-29', name: 'Office closed' }],
    });

    const list = await screen.findByRole('list', { name: 'Organisation closure dates' });
    expect(list.textContent).toContain('Tue 29 Dec 2026, Office closed');
    await click(within(list).getByRole('button', { name: 'Remove closure date Tue 29 Dec 2026' }));
    await screen.findByText('Removed the closure date Tue 29 Dec 2026, Office closed.');
    // The button pressed has gone, so focus stays in the setting, on its heading.
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Organisation closure dates' }));
    expect((await load()).user.calendar).toEqual({ closures: [] });
  });

  it('needs a name for a one-off holiday', async () => {
    const { load } = await showSection();
    const group = screen.getByRole('group', { name: 'Add a one-off holiday' });
    fireEvent.change(within(group).getByLabelText('Date'), { target: { value: '2026-09-19' } });
    await click(within(group).getByRole('button', { name: 'Add one-off holiday' }));
    expect(within(group).getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(within(group).getByLabelText('Name'), { target: { value: 'State funeral' } });
    await click(within(group).getByRole('button', { name: 'Add one-off holiday' }));
    await screen.findByText('Added the one-off holiday Sat 19 Sep 2026, State funeral.');
    expect((await load()).user.calendar?.additions).toEqual([{ date: '2026-09-19', name: 'State funeral' }]);
  });

  it('keeps a working day after all as a date alone, and lists it', async () => {
    const { load } = await showSection();
    const group = screen.getByRole('group', { name: 'Add a working day' });
    expect(within(group).queryByLabelText(/Name/)).toBeNull();
    fireEvent.change(within(group).getByLabelText('Date'), { target: { value: '2027-05-03' } });
    await click(within(group).getByRole('button', { name: 'Add working day' }));
    await screen.findByText('Added the working day Mon 3 May 2027.');
    expect((await load()).user.calendar).toEqual({ removals: ['2027-05-03'] });
    const list = await screen.findByRole('list', { name: 'Working days after all' });
    expect(list.textContent).toContain('Mon 3 May 2027');
    fireEvent.change(within(group).getByLabelText('Date'), { target: { value: '2027-05-03' } });
    await click(within(group).getByRole('button', { name: 'Add working day' }));
    expect(within(group).getByText('Mon 3 May 2027 is already listed')).toBeDefined();
  });

  it('saves the region, the working hours, the deadline rule and the due-soon warning, and resets each', async () => {
    const { load } = await showSection();
    fireEvent.change(screen.getByLabelText('Region'), { target: { value: 'northern-ireland' } });
    await click(screen.getByRole('button', { name: 'Save UK region' }));
    await screen.findByText('Saved: deadlines pass over the bank holidays of Northern Ireland.');

    fireEvent.change(screen.getByLabelText('End'), { target: { value: '08:00' } });
    await click(screen.getByRole('button', { name: 'Save Working hours' }));
    expect(screen.getByLabelText('End').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Working hours must end after they start')).toBeDefined();
    fireEvent.change(screen.getByLabelText('Start'), { target: { value: '08:00' } });
    fireEvent.change(screen.getByLabelText('End'), { target: { value: '16:00' } });
    await click(screen.getByRole('button', { name: 'Save Working hours' }));
    await screen.findByText('Saved: working hours are 08:00 to 16:00.');

    fireEvent.click(screen.getByRole('radio', { name: 'At the same time of day' }));
    await click(screen.getByRole('button', { name: 'Save Deadline rule' }));
    await screen.findByText(/Saved: a step counted in working days falls due at the same time of day/);

    fireEvent.change(screen.getByLabelText('Working days of warning (0 to 10)'), { target: { value: '11' } });
    await click(screen.getByRole('button', { name: 'Save Due-soon warning' }));
    expect(screen.getByText('Enter a whole number of working days from 0 to 10')).toBeDefined();
    fireEvent.change(screen.getByLabelText('Working days of warning (0 to 10)'), { target: { value: '2' } });
    await click(screen.getByRole('button', { name: 'Save Due-soon warning' }));
    await screen.findByText('Saved: a step shows as due soon from 2 working days before it is due.');

    expect(await load()).toMatchObject({
      user: {
        calendar: {
          region: 'northern-ireland',
          workingHours: { start: '08:00', end: '16:00' },
          deadlineRule: 'same-time',
        },
        dueSoonLeadWorkingDays: 2,
      },
    });

    await click(
      await screen.findByRole('button', {
        name: 'Use the default (England and Wales, from the policy) for UK region',
      }),
    );
    await screen.findByText('UK region: back to the default, England and Wales, from the policy.');
    await waitFor(() =>
      expect((screen.getByLabelText('Region') as HTMLSelectElement).value).toBe('england-and-wales'),
    );
    expect((await load()).user.calendar?.region).toBeUndefined();
  });

  it('shows a setting the organisation enforces as locked, with no control to change it', async () => {
    const { load } = await showSection({ organisationName: 'Reading Borough Council', region: 'scotland' });
    const region = screen.getByLabelText('Region') as HTMLSelectElement;
    expect(region.value).toBe('scotland');
    expect(region.disabled).toBe(true);
    expect(document.getElementById(region.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      'Set by Reading Borough Council; it cannot be changed here.',
    );
    expect(screen.queryByRole('button', { name: 'Save UK region' })).toBeNull();
    expect(screen.queryByRole('button', { name: /for UK region$/ })).toBeNull();

    // The rest of the calendar stays the user's.
    fireEvent.change(screen.getByLabelText('Start'), { target: { value: '08:30' } });
    await click(screen.getByRole('button', { name: 'Save Working hours' }));
    await screen.findByText('Saved: working hours are 08:30 to 17:00.');
    expect((await load()).user).toEqual({ calendar: { workingHours: { start: '08:30', end: '17:00' } } });
  });

  it('imports the official bank-holiday list and says which years it covers', async () => {
    const { load } = await showSection();
    const input = screen.getByLabelText('Official list file (bank-holidays.json)');
    await act(async () =>
      fireEvent.change(input, {
        target: {
          files: [
            jsonFile({ scotland: { division: 'scotland', events: [{ title: 'St Andrew', date: 'soon' }] } }),
          ],
        },
      }),
    );
    expect((await screen.findByRole('alert')).textContent).toContain(
      'scotland.events[0].date: must be a date written YYYY-MM-DD',
    );
    expect((await load()).user).toEqual({});

    const events = [2025, 2026, 2027].map((year) => ({
      title: 'New Year’s Day',
      date: `${year}-01-01`,
      notes: '',
      bunting: true,
    }));
    await act(async () =>
      fireEvent.change(screen.getByLabelText('Official list file (bank-holidays.json)'), {
        target: {
          files: [
            jsonFile(
              { 'england-and-wales': { division: 'england-and-wales', events } },
              'bank-holidays.json',
            ),
          ],
        },
      }),
    );
    await screen.findByText('Imported the official list. It covers England and Wales: 2025–2027.');
    expect((await screen.findByRole('list', { name: 'The imported list covers:' })).textContent).toBe(
      'England and Wales: 2025–2027',
    );
    expect((await load()).user.calendar?.officialHolidays?.['england-and-wales']?.events).toHaveLength(3);
    expect(
      screen.getByRole('button', {
        name: /Use the default \(the built-in lists only, GOV.UK’s for 2019–2028\)/,
      }),
    ).toBeDefined();
  });
});
