// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type LocalArea, loadStoredData } from '@/lib/storage';
import { fakeAreas } from '@/lib/storage/testing';
import {
  exampleChainedPolicy,
  exampleChainedPolicyInput,
} from '../../test/fixtures/policies/example-chained';
import { AboutSection } from './AboutSection';

afterEach(cleanup);

async function showAbout(organisation?: Record<string, unknown>) {
  render(<AboutSection data={await loadStoredData(fakeAreas(organisation))} version="1.4.0" />);
  return screen.getByRole('region', { name: 'About' });
}

/** Each policy's details, as label → value. */
function detailsOf(item: HTMLElement): Record<string, string | undefined> {
  return Object.fromEntries(
    [...item.querySelectorAll('dt')].map((term) => [term.textContent, term.nextElementSibling?.textContent]),
  );
}

describe('about', () => {
  it('gives the version and the privacy statement', async () => {
    const about = await showAbout();
    expect(about.textContent).toContain('version 1.4.0');
    const privacy = within(about)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(privacy[0]).toMatch(/^No data leaves this computer/);
    expect(privacy[1]).toMatch(/Nothing is collected.*no analytics/);
    expect(privacy[2]).toMatch(/stored only in this browser profile/);
    expect(privacy[3]).toMatch(/clipboard history.*may want clipboard history turned off/);
    expect(about.textContent).not.toMatch(/managed by/);
  });

  it('credits GOV.UK’s bank holidays under the Open Government Licence', async () => {
    const about = await showAbout();
    const credit = within(about).getByRole('heading', { name: 'Bank holidays' }).nextElementSibling;
    expect(credit?.textContent).toMatch(
      /^UK bank holidays for 2019–2028 are GOV.UK’s official list \(gov.uk\/bank-holidays \(opens in a new tab\)\)\. Contains public sector information licensed under the Open Government Licence v3\.0/,
    );
    expect(
      within(about).getByRole('link', { name: 'Open Government Licence v3.0 (opens in a new tab)' }),
    ).toHaveProperty('href', 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/');
  });

  it('lists the Pan Berkshire policy’s source, and says new escalations start under it', async () => {
    const about = await showAbout();
    const item = within(about)
      .getByRole('heading', { name: 'Pan Berkshire: Resolving Professional Disagreement and Escalation' })
      .closest('li') as HTMLElement;
    expect(detailsOf(item)).toEqual({
      Partnership: 'Pan Berkshire Safeguarding Children Partnerships',
      Version: 'March 2026',
      'Effective from': 'March 2026',
      Source:
        'Resolving Professional Disagreement and Escalation, Pan Berkshire Child Protection Procedures Manual, March 2026',
      'Where it comes from': 'Built into the extension',
    });
    expect(item.textContent).toContain('New escalations start under this policy.');
  });

  it('names the organisation that manages it, and lists a policy it gives, with a link to the source', async () => {
    const local = {
      ...exampleChainedPolicyInput,
      id: 'local-procedure',
      source: {
        title: 'Local escalation procedure',
        url: 'https://procedures.example.org/escalation',
        reference: 'Section 4.2',
      },
    };
    const about = await showAbout({
      organisationName: 'Reading Borough Council',
      policyJson: JSON.stringify(local),
    });
    expect(about.textContent).toContain('Some settings are managed by Reading Borough Council');
    const item = within(about).getByRole('heading', { name: local.name }).closest('li') as HTMLElement;
    expect(detailsOf(item)).toMatchObject({
      Source: 'Local escalation procedure (opens in a new tab), Section 4.2',
      'Where it comes from': 'Given by Reading Borough Council',
    });
    expect(item.textContent).toContain('New escalations start under this policy.');
    expect(
      within(item)
        .getByRole('link', { name: 'Local escalation procedure (opens in a new tab)' })
        .getAttribute('href'),
    ).toBe('https://procedures.example.org/escalation');
  });

  it('lists a policy the user imported', async () => {
    await (fakeBrowser.storage.local as unknown as LocalArea).set({
      settings: { importedPolicies: [exampleChainedPolicy] },
    });
    const about = await showAbout();
    const item = within(about)
      .getByRole('heading', { name: exampleChainedPolicy.name })
      .closest('li') as HTMLElement;
    expect(detailsOf(item)).toMatchObject({
      Partnership: exampleChainedPolicy.partnership,
      Version: exampleChainedPolicy.version,
      'Where it comes from': 'Imported by you',
    });
  });
});
