// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BERKSHIRE_WEST_BUSINESS_MANAGER } from '@/lib/settings';
import { loadStoredData } from '@/lib/storage';
import { fakeAreas } from '@/lib/storage/testing';
import { optionsHarness } from './testing';

/** The options page over the real store, through the real router, showing storage as it changes. */
async function showOptionsPage(organisation?: Record<string, unknown>) {
  optionsHarness(organisation).showPage();
  return screen.findByRole('region', { name: 'Contacts' });
}

const contact = (section: HTMLElement, legend: string) =>
  within(section).getByRole('group', { name: legend });
const type = (group: HTMLElement, label: string, value: string) =>
  fireEvent.change(within(group).getByLabelText(`${label} (optional)`), { target: { value } });
const shown = (group: HTMLElement, label: string) =>
  (within(group).getByLabelText(`${label} (optional)`) as HTMLInputElement).value;
const stored = async () => (await loadStoredData(fakeAreas())).user;

afterEach(cleanup);

describe('contacts', () => {
  it('has a group for each person the policy tells the practitioner to contact', async () => {
    const section = await showOptionsPage();
    expect(
      within(section)
        .getAllByRole('group')
        .map((group) => group.querySelector('legend')?.textContent),
    ).toEqual([
      'Your Safeguarding Lead',
      'Your line manager',
      'Safeguarding Children Partnership Business Manager',
      'Independent Scrutineer',
    ]);
    const businessManager = contact(section, 'Safeguarding Children Partnership Business Manager');
    expect(shown(businessManager, 'Name')).toBe('Berkshire West Safeguarding Children Partnership');
    expect(shown(businessManager, 'Email')).toBe('BWSCP@brightfuturesforchildren.org');
  });

  it('saves a line manager, and removes them again', async () => {
    const section = await showOptionsPage();
    const lineManager = contact(section, 'Your line manager');
    expect(within(lineManager).queryByRole('button', { name: /^Remove/ })).toBeNull();
    type(lineManager, 'Name', 'Jo Okafor');
    type(lineManager, 'Email', ' jo.okafor@reading.gov.uk ');
    type(lineManager, 'Phone', '0118 937 3641');
    await act(async () =>
      fireEvent.click(within(lineManager).getByRole('button', { name: 'Save your line manager' })),
    );
    await waitFor(() =>
      expect(within(lineManager).getByRole('status').textContent).toBe('Saved your line manager: Jo Okafor.'),
    );
    expect(await stored()).toEqual({
      contacts: {
        lineManager: { name: 'Jo Okafor', email: 'jo.okafor@reading.gov.uk', phone: '0118 937 3641' },
      },
    });

    const remove = await within(lineManager).findByRole('button', {
      name: 'Remove the contact for your line manager',
    });
    await act(async () => fireEvent.click(remove));
    await waitFor(() =>
      expect(within(lineManager).getByRole('status').textContent).toBe(
        'No contact is saved for your line manager.',
      ),
    );
    expect(shown(lineManager, 'Name')).toBe('');
    expect(await stored()).toEqual({});
  });

  it('changes the Business Manager, and goes back to the default on request', async () => {
    const section = await showOptionsPage();
    const businessManager = contact(section, 'Safeguarding Children Partnership Business Manager');
    type(businessManager, 'Name', 'East Berkshire Safeguarding Children Partnership');
    type(businessManager, 'Email', 'partnership@east-berks.example');
    type(businessManager, 'Note', '');
    await act(async () => fireEvent.click(within(businessManager).getByRole('button', { name: /^Save/ })));
    await waitFor(() =>
      expect(within(businessManager).getByRole('status').textContent).toMatch(/^Saved the Safeguarding/),
    );
    expect((await stored()).contacts?.businessManager).toEqual({
      name: 'East Berkshire Safeguarding Children Partnership',
      email: 'partnership@east-berks.example',
    });

    const useDefault = await within(businessManager).findByRole('button', {
      name: 'Use the default for the Safeguarding Children Partnership Business Manager',
    });
    await act(async () => fireEvent.click(useDefault));
    await waitFor(() =>
      expect(within(businessManager).getByRole('status').textContent).toBe(
        'Safeguarding Children Partnership Business Manager is back to the default: Berkshire West Safeguarding Children Partnership.',
      ),
    );
    expect(shown(businessManager, 'Email')).toBe('BWSCP@brightfuturesforchildren.org');
    expect(shown(businessManager, 'Note')).toBe(BERKSHIRE_WEST_BUSINESS_MANAGER.note);
    expect(await stored()).toEqual({});
    await waitFor(() =>
      expect(within(businessManager).queryByRole('button', { name: /^Use the default/ })).toBeNull(),
    );
  });

  it('refuses an email that is not an email address, next to the field, and saves nothing', async () => {
    const section = await showOptionsPage();
    const lead = contact(section, 'Your Safeguarding Lead');
    type(lead, 'Name', 'Dana Reid');
    type(lead, 'Email', 'dana.reid@');
    await act(async () =>
      fireEvent.click(within(lead).getByRole('button', { name: 'Save your Safeguarding Lead' })),
    );

    expect(within(lead).getByRole('alert').textContent).toMatch(/One answer needs fixing/);
    const email = within(lead).getByLabelText('Email (optional)');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(email);
    expect(document.getElementById(`${email.id}-error`)?.textContent).toBe(
      '⚠ Enter an email address like name@example.org, or leave it empty.',
    );
    expect(email.getAttribute('aria-describedby')).toContain(`${email.id}-error`);
    expect(within(lead).getByRole('status').textContent).toBe('');
    expect(await stored()).toEqual({});
  });

  it('shows a contact the organisation sets read-only, with its note, and no way to change it', async () => {
    const section = await showOptionsPage({
      organisationName: 'Reading Borough Council',
      contacts: {
        safeguardingLead: { name: 'Dana Reid', email: 'dana.reid@reading.gov.uk', note: 'Mon to Thu' },
      },
    });
    const lead = contact(section, 'Your Safeguarding Lead');
    expect(within(lead).queryAllByRole('textbox')).toEqual([]);
    expect(within(lead).queryAllByRole('button')).toEqual([]);
    expect(lead.textContent).toContain('Dana Reid');
    expect(lead.textContent).toContain('Mon to Thu');
    expect(
      within(lead)
        .getByRole('link', { name: /^Email Dana Reid/ })
        .getAttribute('href'),
    ).toBe('mailto:dana.reid@reading.gov.uk');
    const notes = (lead.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(notes).toContain('🔒 Set by Reading Borough Council; it cannot be changed here.');
    // The others are still the user's to change.
    expect(within(contact(section, 'Your line manager')).getAllByRole('textbox')).toHaveLength(4);
  });

  it('goes back to the organisation’s default, not the release’s, where the organisation gives one', async () => {
    const partnership = { name: 'Partnership office', email: 'office@partnership.example' };
    const section = await showOptionsPage({
      contacts: { businessManager: partnership },
      userMayChange: ['contacts'],
    });
    const businessManager = contact(section, 'Safeguarding Children Partnership Business Manager');
    expect(shown(businessManager, 'Name')).toBe('Partnership office');
    expect(businessManager.textContent).toContain(
      'The default is Partnership office, office@partnership.example.',
    );
    type(businessManager, 'Phone', '01344 352000');
    await act(async () => fireEvent.click(within(businessManager).getByRole('button', { name: /^Save/ })));
    const useDefault = await within(businessManager).findByRole('button', { name: /^Use the default/ });
    await act(async () => fireEvent.click(useDefault));
    await waitFor(() => expect(shown(businessManager, 'Phone')).toBe(''));
    expect(shown(businessManager, 'Name')).toBe('Partnership office');
    expect(await stored()).toEqual({});
  });
});
