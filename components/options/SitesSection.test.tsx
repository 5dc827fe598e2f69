// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FoundChild } from '@/lib/sites/find-child';
import { type MemorySites, memorySitesClient, organisationOf } from '@/lib/sites/testing';
import { SitesSection } from './SitesSection';

afterEach(cleanup);

const demo = 'http://127.0.0.1/*';
const lcs = 'https://lcs.council.example/*';
const child: FoundChild = {
  adapterId: 'demo-case-record-system',
  system: 'Demo Case Record System',
  recordId: 'P100234',
  displayName: 'Amelia Hartwell',
  recordUrl: 'http://127.0.0.1:8816/children/P100234',
};

async function renderSection(start: Partial<MemorySites> = {}) {
  const fake = memorySitesClient(start);
  render(<SitesSection client={fake.client} />);
  await screen.findByRole('heading', { level: 2, name: 'Sites' });
  await waitFor(() => expect(screen.queryByText('Loading sites…')).toBeNull());
  return fake;
}

const row = (name: string) =>
  screen.getByRole('rowheader', { name: new RegExp(`^${name}`) }).closest('tr') as HTMLElement;
const status = () => screen.getByRole('status');

describe('SitesSection', () => {
  it('adds a site from a typed address, after the browser allows it', async () => {
    const fake = await renderSection();
    expect(screen.getByText(/No sites yet/)).toBeDefined();
    const field = screen.getByLabelText('Address of a page on the site');

    fireEvent.change(field, { target: { value: 'not an address' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toMatch(/Enter the address of a web page/);
    expect(fake.state.user).toEqual([]);

    fireEvent.change(field, { target: { value: 'http://127.0.0.1:8816/children/P100234' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Add site' })));
    await waitFor(() => expect(status().textContent).toMatch(/^Added 127\.0\.0\.1\./));
    expect(fake.state.user).toEqual([{ site: demo, on: true }]);
    const added = row('127.0.0.1');
    expect(within(added).getByText(/^On: the launcher shows/)).toBeDefined();
    expect(within(added).getByRole('checkbox', { name: 'Use on 127.0.0.1' })).toHaveProperty('checked', true);
    expect(field).toHaveProperty('value', '');
  });

  it('says next to the field when the browser’s permission is not given', async () => {
    const fake = await renderSection({ allows: false });
    fireEvent.change(screen.getByLabelText('Address of a page on the site'), {
      target: { value: 'records.example.gov.uk' },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Add site' })));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/permission for the site was not given/),
    );
    expect(fake.state.user).toEqual([]);
  });

  it('switches a site off and on, keeping it listed, with its status in words', async () => {
    const fake = await renderSection({ user: [{ site: demo, on: true }], granted: new Set([demo]) });
    const toggle = within(row('127.0.0.1')).getByRole('checkbox', { name: 'Use on 127.0.0.1' });
    await act(async () => fireEvent.click(toggle));
    await waitFor(() => expect(status().textContent).toMatch(/127\.0\.0\.1 is off/));
    expect(within(row('127.0.0.1')).getByText('Off: nothing runs on this site.')).toBeDefined();
    expect(fake.state.user).toEqual([{ site: demo, on: false }]);

    await act(async () => fireEvent.click(toggle));
    await waitFor(() => expect(status().textContent).toBe('127.0.0.1 is on.'));
    expect(fake.state.user).toEqual([{ site: demo, on: true }]);
  });

  it('chooses how the child is found, from the built-in adapters and the organisation’s', async () => {
    const fake = await renderSection({
      user: [{ site: demo, on: true }],
      granted: new Set([demo]),
      organisation: organisationOf({
        organisationName: 'Example Borough Council',
        adapters: [{ id: 'council-mosaic', system: 'Mosaic', pages: '^https://mosaic\\.' }],
      }),
    });
    const select = screen.getByRole('combobox', { name: 'How to find the child on 127.0.0.1' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([
      'Automatic: try every adapter',
      'Mosaic',
      'Demo Case Record System',
      'Any system (common page layouts)',
    ]);
    await act(async () => fireEvent.change(select, { target: { value: 'demo-case-record-system' } }));
    await waitFor(() =>
      expect(status().textContent).toBe(
        '127.0.0.1 now finds the child with the Demo Case Record System adapter.',
      ),
    );
    expect(fake.state.user).toEqual([{ site: demo, adapter: 'demo-case-record-system', on: true }]);
    await act(async () => fireEvent.change(select, { target: { value: '' } }));
    await waitFor(() => expect(status().textContent).toBe('127.0.0.1 now tries every adapter.'));
    expect(fake.state.user).toEqual([{ site: demo, on: true }]);
  });

  it('tests a site and reports what it found, or why not, in a live region', async () => {
    const fake = await renderSection({ user: [{ site: demo, on: true }], granted: new Set([demo]) });
    const test = screen.getByRole('button', { name: 'Test 127.0.0.1' });
    await act(async () => fireEvent.click(test));
    await waitFor(() => expect(status().textContent).toMatch(/no tab is open on this site/));

    fake.state.tabs[demo] = [null, child];
    await act(async () => fireEvent.click(test));
    await waitFor(() =>
      expect(status().textContent).toBe(
        'Test on 127.0.0.1: found record P100234 in Demo Case Record System.',
      ),
    );
    expect(status().textContent).not.toMatch(/Amelia/);

    fake.state.showChildNames = true;
    await act(async () => fireEvent.click(test));
    await waitFor(() => expect(status().textContent).toMatch(/P100234 \(Amelia Hartwell\)/));
  });

  it('removes a site only after confirming, and Cancel keeps it', async () => {
    const fake = await renderSection({ user: [{ site: demo, on: false }], granted: new Set([demo]) });
    fireEvent.click(screen.getByRole('button', { name: 'Remove 127.0.0.1' }));
    const confirm = screen.getByRole('button', { name: 'Yes, remove 127.0.0.1' });
    expect(document.activeElement).toBe(confirm);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove 127.0.0.1' }));
    expect(fake.state.user).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Remove 127.0.0.1' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Yes, remove 127.0.0.1' })));
    await waitFor(() => expect(status().textContent).toBe('Removed 127.0.0.1.'));
    expect(fake.state.user).toEqual([]);
    expect(fake.state.granted.has(demo)).toBe(false);
  });

  it('marks the organisation’s sites, locks what IT locked, and offers to allow one not yet granted', async () => {
    const fake = await renderSection({
      organisation: organisationOf({ organisationName: 'Example Borough Council', sites: [{ site: lcs }] }),
    });
    const locked = row('lcs.council.example');
    expect(
      within(locked).getByText(/Set by Example Borough Council; it cannot be switched off/),
    ).toBeDefined();
    expect(within(locked).getByText(/Not allowed yet: the browser needs your permission once/)).toBeDefined();
    const toggle = within(locked).getByRole('checkbox', { name: 'Use on lcs.council.example' });
    expect(toggle).toHaveProperty('disabled', true);
    expect(within(locked).getByRole('combobox')).toHaveProperty('disabled', true);
    expect(within(locked).queryByRole('button', { name: /Remove/ })).toBeNull();

    await act(async () =>
      fireEvent.click(within(locked).getByRole('button', { name: 'Allow on lcs.council.example…' })),
    );
    await waitFor(() => expect(status().textContent).toBe('lcs.council.example is on.'));
    expect(fake.state.granted.has(lcs)).toBe(true);
    expect(within(row('lcs.council.example')).getByText(/^On: the launcher shows/)).toBeDefined();
    expect(within(row('lcs.council.example')).queryByRole('button', { name: /Allow/ })).toBeNull();
  });

  it('follows changes made elsewhere, such as the popup turning a site on', async () => {
    const fake = await renderSection();
    act(() =>
      fake.changeElsewhere((sites) => {
        sites.user = [{ site: demo, on: true }];
        sites.granted.add(demo);
      }),
    );
    await waitFor(() => expect(row('127.0.0.1')).toBeDefined());
  });
});
