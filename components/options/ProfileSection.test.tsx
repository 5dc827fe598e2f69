// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness } from '@/components/panel/testing';
import { draft, socialWorker } from '@/lib/escalation/testing';
import { loadStoredData } from '@/lib/storage';
import { fakeAreas } from '@/lib/storage/testing';
import { optionsHarness } from './testing';

/** The options page over the real store, through the real router, showing storage as it changes. */
async function showOptionsPage(organisation?: Record<string, unknown>) {
  optionsHarness(organisation).showPage();
  return screen.findByRole('region', { name: 'Your details' });
}

const type = (scope: HTMLElement, label: string, value: string) =>
  fireEvent.change(within(scope).getByLabelText(label), { target: { value } });

afterEach(cleanup);

describe('your details', () => {
  it('are saved, and prefill the next escalation started in the panel', async () => {
    const section = await showOptionsPage();
    type(section, 'Your name', '  Sam Patel ');
    type(section, 'Your role', 'Social Worker');
    type(section, 'Your agency', 'Reading Children’s Services');
    type(section, 'Your team (optional)', 'Assessment Team 2');
    type(section, 'Your phone or email (optional)', '0118 937 3641');
    await act(async () =>
      fireEvent.click(within(section).getByRole('button', { name: 'Save your details' })),
    );
    await waitFor(() =>
      expect(within(section).getAllByRole('status')[0]?.textContent).toBe(
        'Your details are saved. New escalations will start with them.',
      ),
    );
    expect((await loadStoredData(fakeAreas())).user.profile).toEqual({
      name: 'Sam Patel',
      role: 'Social Worker',
      agency: 'Reading Children’s Services',
      team: 'Assessment Team 2',
      contact: '0118 937 3641',
    });
    cleanup();

    createHarness('2026-11-02T11:00:00Z').show();
    fireEvent.click(await screen.findByRole('button', { name: 'Start an escalation' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'No' })));
    await screen.findByRole('heading', { name: 'Escalation details' });
    const value = (label: string | RegExp) => (screen.getByLabelText(label) as HTMLInputElement).value;
    expect(value('Your name')).toBe('Sam Patel');
    expect(value('Your role')).toBe('Social Worker');
    expect(value('Your agency')).toBe('Reading Children’s Services');
    expect(value(/^Your phone or email/)).toBe('0118 937 3641');
  });

  it('need a name, role and agency to sign records; nothing is saved until they are given', async () => {
    const section = await showOptionsPage();
    type(section, 'Your name', 'Sam Patel');
    type(section, 'Your team (optional)', 'x'.repeat(201));
    await act(async () =>
      fireEvent.click(within(section).getByRole('button', { name: 'Save your details' })),
    );

    expect(within(section).getByRole('alert').textContent).toMatch(/3 answers need fixing/);
    const role = within(section).getByLabelText('Your role');
    expect(role.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(role);
    const described = (field: HTMLElement) =>
      (field.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' ');
    expect(described(role)).toMatch(/Enter your role\./);
    expect(described(within(section).getByLabelText('Your team (optional)'))).toMatch(
      /Keep this to 200 characters or fewer\./,
    );
    expect((await loadStoredData(fakeAreas())).user).toEqual({});
  });

  it('keep children’s names off by default, explain why, and save the choice to show them', async () => {
    const section = await showOptionsPage();
    const names = within(section).getByRole('checkbox', {
      name: 'Show children’s names in the panel and popup',
    }) as HTMLInputElement;
    expect(names.checked).toBe(false);
    const why = document.getElementById(names.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(why).toMatch(/record id/);
    expect(why).toMatch(/over your shoulder or on a shared screen/);
    expect(why).toMatch(/data minimisation/);

    fireEvent.click(names);
    await act(async () => fireEvent.click(within(section).getByRole('button', { name: 'Save this choice' })));
    await waitFor(() => expect(within(section).getByText(/Children’s names will be shown/)).toBeDefined());
    expect((await loadStoredData(fakeAreas())).user).toEqual({ showChildNames: true });
  });

  it('with names off, offer to remove every stored name, through the store', async () => {
    const harness = optionsHarness();
    const { displayName: _name, ...unnamedChild } = draft.child;
    await harness.store.startEscalation(draft, socialWorker);
    await harness.store.startEscalation(draft, socialWorker);
    await harness.store.startEscalation({ ...draft, child: unnamedChild }, socialWorker);
    harness.showPage();
    const section = await screen.findByRole('region', { name: 'Your details' });
    await waitFor(() =>
      expect(within(section).getByText(/2 escalations still keep a child’s name/)).toBeDefined(),
    );
    await act(async () =>
      fireEvent.click(within(section).getByRole('button', { name: 'Remove every stored name' })),
    );
    await waitFor(() => expect(within(section).getByText('Removed 2 stored names.')).toBeDefined());
    const { escalations } = await harness.load();
    expect(escalations.map((escalation) => escalation.child.displayName)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    // Each changed escalation counts a revision, so a tab showing the named copy cannot write it back.
    expect(escalations.map((escalation) => escalation.revision).sort()).toEqual([1, 2, 2]);
    expect(within(section).queryByRole('button', { name: 'Remove every stored name' })).toBeNull();
  });

  it('show the organisation’s choice about children’s names read-only, with its note', async () => {
    const section = await showOptionsPage({
      organisationName: 'Reading Borough Council',
      showChildNames: false,
    });
    const names = within(section).getByRole('checkbox', {
      name: 'Show children’s names in the panel and popup',
    }) as HTMLInputElement;
    expect(names.disabled).toBe(true);
    expect(document.getElementById(names.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      '🔒 Set by Reading Borough Council; it cannot be changed here.',
    );
    expect(within(section).queryByRole('button', { name: 'Save this choice' })).toBeNull();
  });
});
