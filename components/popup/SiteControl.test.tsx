// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SiteClient, SiteTarget } from '@/lib/sites/popup-client';
import { SiteControl } from './SiteControl';

afterEach(cleanup);

type SiteOnTab = Extract<SiteTarget, { kind: 'site' }>;

/** The popup's client in memory: one tab on one site, which the user turns on and off. */
function tabOn(site: Omit<SiteOnTab, 'kind' | 'tabId'>): SiteClient {
  let target: SiteOnTab = { kind: 'site', tabId: 7, ...site };
  return {
    target: async () => target,
    watchTarget: () => () => {},
    async turnOnForSite() {
      target = { ...target, enabled: true };
      return 'enabled';
    },
    async turnOffForSite() {
      target = { ...target, enabled: false };
    },
    openPanelHere: async () => {},
    shortcut: async () => undefined,
  };
}

const lcs = { site: 'https://lcs.council.example/*', name: 'lcs.council.example' };

describe('SiteControl', () => {
  it('says when the organisation sets the site, and keeps a locked one on', async () => {
    render(
      <SiteControl
        client={tabOn({ ...lcs, enabled: true, setBy: 'Example Borough Council', locked: true })}
      />,
    );
    const checkbox = await screen.findByRole('checkbox', { name: 'Use on this site' });
    expect(checkbox).toHaveProperty('checked', true);
    expect(checkbox).toHaveProperty('disabled', true);
    expect(screen.getByText(/Set by Example Borough Council; it cannot be turned off here\./)).toBeDefined();
  });

  it('lets the user turn off an organisation site IT lets them change', async () => {
    render(
      <SiteControl
        client={tabOn({ ...lcs, enabled: true, setBy: 'Example Borough Council', locked: false })}
      />,
    );
    const checkbox = await screen.findByRole('checkbox', { name: 'Use on this site' });
    expect(screen.getByText(/Set by Example Borough Council; you may turn it off\./)).toBeDefined();
    await act(async () => fireEvent.click(checkbox));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Turned off on lcs.council.example.'),
    );
    await waitFor(() => expect(checkbox).toHaveProperty('checked', false));
  });

  it('says nothing of an organisation on the user’s own site', async () => {
    render(<SiteControl client={tabOn({ ...lcs, enabled: false, locked: false })} />);
    await screen.findByRole('checkbox', { name: 'Use on this site' });
    expect(screen.queryByText(/Set by/)).toBeNull();
  });
});
