// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertsSection } from './AlertsSection';
import { optionsHarness } from './testing';

afterEach(cleanup);

async function showSection(organisation?: Record<string, unknown>) {
  const harness = optionsHarness(organisation);
  harness.show((data, client) => <AlertsSection data={data} client={client} />);
  await screen.findByRole('heading', { name: 'Alerts', level: 2 });
  return harness;
}

const checkbox = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

describe('AlertsSection', () => {
  it('says the badge and notifications never identify a child', async () => {
    await showSection();
    expect(
      screen.getByText(/Neither the badge nor a notification ever shows a child’s name, record number/),
    ).toBeDefined();
  });

  it('saves notifications on or off and in working hours only, and goes back to the default', async () => {
    const { load } = await showSection();
    expect(checkbox('Show notifications when a step is due soon or overdue').checked).toBe(true);
    expect(checkbox('Only in working hours').checked).toBe(true);

    fireEvent.click(checkbox('Only in working hours'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save Notifications' })));
    await screen.findByText('Saved: notifications are on, at any time.');
    expect((await load()).user.notifications).toEqual({ enabled: true, workingHoursOnly: false });

    fireEvent.click(checkbox('Show notifications when a step is due soon or overdue'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save Notifications' })));
    await screen.findByText('Saved: notifications are off.');
    expect((await load()).user.notifications).toEqual({ enabled: false, workingHoursOnly: false });

    await act(async () =>
      fireEvent.click(
        await screen.findByRole('button', {
          name: 'Use the default (on, in working hours only) for Notifications',
        }),
      ),
    );
    await waitFor(async () => expect((await load()).user.notifications).toBeUndefined());
    await waitFor(() => expect(checkbox('Only in working hours').checked).toBe(true));
  });

  it('shows notifications the organisation sets as locked, with no way to change them', async () => {
    await showSection({
      organisationName: 'Reading Borough Council',
      notifications: { enabled: false, workingHoursOnly: true },
    });
    const enabled = checkbox('Show notifications when a step is due soon or overdue');
    expect(enabled.checked).toBe(false);
    expect(enabled.disabled).toBe(true);
    const group = screen.getByRole('group', { name: 'When to show notifications' });
    expect(document.getElementById(group.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      'Set by Reading Borough Council; it cannot be changed here.',
    );
    expect(screen.queryByRole('button', { name: 'Save Notifications' })).toBeNull();
  });
});
