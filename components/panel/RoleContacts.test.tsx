// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { panBerkshirePolicy } from '@/lib/policy';
import { escalationAtStage2 } from '@/lib/record/examples';
import { defaultSettings } from '@/lib/settings';
import { PolicyLadder } from './PolicyLadder';
import { createHarness, type Harness } from './testing';

afterEach(cleanup);

const agency = 'Berkshire Healthcare NHS Foundation Trust';
const addContacts = 'Add contacts in Settings → Contacts.';

/** The example escalation at stage 2 (the Business Manager duty done), open in the panel. */
async function openAtStage2(setUp: (harness: Harness) => Promise<void> = async () => undefined) {
  const harness = createHarness('2026-11-04T16:30:00Z');
  await harness.saveProfile();
  await harness.put(escalationAtStage2());
  await setUp(harness);
  harness.show();
  fireEvent.click(await screen.findByRole('button', { name: `Open the escalation with ${agency}` }));
  await screen.findByRole('heading', { name: `Escalation with ${agency}` });
  return harness;
}

function duty(text: RegExp): HTMLElement {
  const duties = screen.getByRole('region', { name: 'Duties at this step' });
  const item = within(duties)
    .getAllByRole('listitem')
    .find((candidate) => text.test(candidate.textContent ?? ''));
  if (!item) throw new Error(`No duty ${text}`);
  return item;
}

describe('contacts in the panel', () => {
  it('shows the Business Manager beside the stage 2 duty to share the details with them', async () => {
    await openAtStage2();
    const share = duty(
      /Done: The details should also be shared with the Safeguarding Children Partnership Business Manager/,
    );
    expect(share.textContent).toContain(
      'Safeguarding Children Partnership Business Manager: Berkshire West Safeguarding Children Partnership',
    );
    const email = within(share).getByRole('link', {
      name: 'Email Berkshire West Safeguarding Children Partnership',
    });
    expect(email.getAttribute('href')).toBe('mailto:BWSCP@brightfuturesforchildren.org');
    expect(share.textContent).toContain('(BWSCP@brightfuturesforchildren.org)');
  });

  it('says where to add a contact the practitioner has not saved', async () => {
    await openAtStage2();
    expect(duty(/Optional: The Independent Scrutineer can also be notified/).textContent).toContain(
      `Independent Scrutineer: no contact saved. ${addContacts}`,
    );
    const next = screen.getByRole('region', { name: 'What happens next' });
    expect(next.textContent).toContain(
      `Who to contact at stage 2:Your Safeguarding Lead: no contact saved. ${addContacts}`,
    );
    // Feeding back and recording on file tell no one in particular, so no contact is offered.
    expect(duty(/To do: Any action agreed should be fed back/).querySelector('.role-contact')).toBeNull();
  });

  it('shows the Safeguarding Lead at stage 2 once saved, with phone and note', async () => {
    await openAtStage2(async (harness) => {
      await harness.store.saveSettings({
        contacts: {
          safeguardingLead: {
            name: 'Dana Reid',
            email: 'dana.reid@reading.gov.uk',
            phone: '0118 937 3641',
            note: 'Duty safeguarding line when Dana is away.',
          },
        },
      });
    });
    const next = screen.getByRole('region', { name: 'What happens next' });
    expect(next.textContent).toContain('Your Safeguarding Lead: Dana Reid');
    expect(within(next).getByRole('link', { name: 'Email Dana Reid' }).getAttribute('href')).toBe(
      'mailto:dana.reid@reading.gov.uk',
    );
    expect(next.textContent).toContain('Phone: 0118 937 3641');
    expect(next.textContent).toContain('Duty safeguarding line when Dana is away.');
    expect(next.textContent).not.toContain(addContacts);
  });

  it('follows a contact saved while the panel is open', async () => {
    const harness = await openAtStage2();
    await harness.store.saveSettings({ contacts: { independentScrutineer: { name: 'Chris Lowe' } } });
    await waitFor(() =>
      expect(duty(/Optional: The Independent Scrutineer/).textContent).toContain(
        'Independent Scrutineer: Chris Lowe',
      ),
    );
  });

  it('offers the line manager on the way to step 1b, and no link when there is no email', async () => {
    const harness = createHarness('2026-11-02T12:00:00Z');
    await harness.saveProfile();
    await harness.startExample();
    await harness.store.saveSettings({ contacts: { lineManager: { phone: '0118 937 2000' } } });
    harness.show();
    fireEvent.click(await screen.findByRole('button', { name: `Open the escalation with ${agency}` }));
    const next = await screen.findByRole('region', { name: 'What happens next' });
    expect(next.textContent).toContain('Who to contact to escalate to stage 1, step 1b:Your line manager');
    expect(next.textContent).toContain('Phone: 0118 937 2000');
    expect(within(next).queryByRole('link')).toBeNull();
  });
});

describe('the policy ladder', () => {
  it('shows the contacts for the people each step involves, once the settings have loaded', () => {
    const contacts = {
      ...defaultSettings.contacts,
      lineManager: { name: 'Jo Okafor', email: 'jo@reading.gov.uk' },
    };
    render(
      <>
        <h2 id="ladder">Stages and timescales</h2>
        <PolicyLadder policy={panBerkshirePolicy} contacts={contacts} labelledBy="ladder" />
      </>,
    );
    const steps = screen.getAllByRole('listitem').filter((item) => item.querySelector('strong'));
    const step = (title: string) => steps.find((item) => item.textContent?.startsWith(title));
    expect(step('Discussion between line managers')?.textContent).toContain('Your line manager: Jo Okafor');
    expect(step('Discussion at the next management level')?.textContent).toContain(
      `Your Safeguarding Lead: no contact saved. ${addContacts}`,
    );
    expect(step('Discussion between the professionals involved')?.querySelector('.role-contacts')).toBeNull();
    cleanup();

    render(<PolicyLadder policy={panBerkshirePolicy} labelledBy="ladder" />);
    expect(document.querySelector('.role-contacts')).toBeNull();
  });
});
