// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { draft } from '@/lib/escalation/testing';
import { createMessageRouter } from '@/lib/messaging';
import { overlayRoutes } from '@/lib/overlay/background';
import type { PageContext } from '@/lib/overlay/page-context';
import { writePageContext } from '@/lib/overlay/page-context';
import type { InsertOutcome } from '@/lib/overlay/page-protocol';
import { createPanelClient, type PanelClient } from '@/lib/overlay/panel-client';
import { createEscalationClient, type LocalArea, LocalCopy } from '@/lib/storage';
import { fakeChanges } from '@/lib/storage/testing';
import { PanelApp } from './PanelApp';
import { createHarness, MemoryDrafts } from './testing';

afterEach(cleanup);

// The example escalation's child, as the demo-style adapter finds it on the page.
const childOnPage = {
  adapterId: 'lcs',
  system: draft.child.system,
  recordId: draft.child.recordId,
  displayName: 'Child A',
  recordUrl: 'https://lcs.example.org/person/104233',
};
const onPage: PageContext = { looked: true, child: childOnPage };

const panelSender = () => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/panel.html'),
  tab: { id: 7 },
  frameId: 3,
});

/**
 * The panel's client as the panel page makes it, talking to the background's
 * own routes over the fake browser's storage: the page beside it in tab 7,
 * `push` moving that page on as the background announces it. Insertion
 * answers as the overlay would; the clipboard is the test's.
 */
async function pageClient(
  page: PageContext | null,
  outcome: InsertOutcome = { inserted: true, method: 'value' },
) {
  if (page) await writePageContext(7, page);
  const local = new LocalCopy(fakeBrowser.storage.local as unknown as LocalArea, fakeChanges().local);
  const router = createMessageRouter(
    overlayRoutes(() => local.current()),
    {
      id: fakeBrowser.runtime.id,
      origin: fakeBrowser.runtime.getURL('/'),
    },
  );
  const real = createPanelClient(
    { writeText: async () => undefined },
    () => undefined,
    (envelope) => Promise.resolve(router(envelope, panelSender())),
  );
  const client: PanelClient = {
    ...real,
    followScreen: vi.fn(real.followScreen),
    enterReference: vi.fn(async () => undefined),
    insert: vi.fn(async () => outcome),
    copy: vi.fn(async () => undefined),
  };
  const push = (next: PageContext) =>
    act(async () => {
      await writePageContext(7, next);
      await fakeBrowser.runtime.onMessage.trigger(
        { type: 'panel/page-changed', payload: { tabId: 7, page: next } },
        { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/background.js') },
        () => undefined,
      );
    });
  return { client, push };
}

function renderPanel(page: PanelClient) {
  const harness = createHarness('2026-11-03T10:00:00Z');
  render(
    <PanelApp
      page={page}
      escalations={createEscalationClient(async () => undefined)}
      saveSettings={async (changes) => changes}
      now={() => harness.clock.now}
      draftStore={new MemoryDrafts()}
    />,
  );
  return harness;
}

describe('PanelApp', () => {
  it('shows the child the background says is on the page, and follows in-page navigation', async () => {
    const { client, push } = await pageClient(onPage);
    renderPanel(client);
    expect(await screen.findByText(draft.child.recordId)).toBeDefined();
    expect(
      await screen.findByRole('heading', { name: `Escalations for Record ${draft.child.recordId}` }),
    ).toBeDefined();
    expect(client.followScreen).toHaveBeenCalledTimes(1);

    await push({ looked: true, child: { ...childOnPage, recordId: 'LCS-200001', displayName: 'Child B' } });
    expect(await screen.findByRole('heading', { name: 'Escalations for Record LCS-200001' })).toBeDefined();
    expect(screen.queryByText('Child A')).toBeNull();
  });

  it('shows the settings as they change, read afresh without the escalations', async () => {
    const { client } = await pageClient(onPage);
    renderPanel(client);
    expect(
      await screen.findByRole('heading', { name: `Escalations for Record ${draft.child.recordId}` }),
    ).toBeDefined();
    await act(() => fakeBrowser.storage.local.set({ settings: { showChildNames: true } }));
    expect(await screen.findByRole('heading', { name: 'Escalations for Child A' })).toBeDefined();
  });

  it('asks for the child’s reference when none was found, instead of guessing', async () => {
    const { client } = await pageClient({ looked: true, child: null });
    renderPanel(client);
    const input = await screen.findByLabelText(/Child’s reference/);
    fireEvent.click(screen.getByRole('button', { name: 'Use this reference' }));
    expect(await screen.findByText('Type the child’s record ID.')).toBeDefined();
    fireEvent.change(input, { target: { value: ' P555000 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use this reference' }));
    await vi.waitFor(() => expect(client.enterReference).toHaveBeenCalledWith('P555000'));
  });

  it('inserts the escalation’s record through the overlay, and says why when the page refuses', async () => {
    const { client } = await pageClient(onPage, {
      inserted: false,
      reason: 'panel-hidden',
      detail: 'the page has made the panel see-through',
    });
    const harness = renderPanel(client);
    await harness.startExample();
    fireEvent.click(await screen.findByRole('button', { name: /Open the escalation with/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Insert into case note' }));
    await vi.waitFor(() => expect(client.insert).toHaveBeenCalled());
    expect(vi.mocked(client.insert).mock.calls[0]?.[0]).toMatch(
      /^PROFESSIONAL DIFFERENCE OF OPINION - STAGE 1 - Pan Berkshire, March 2026/,
    );
    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toContain(
      'Not inserted: the page has made the panel see-through. Insertion is blocked while the page hides or covers this panel',
    );
    fireEvent.click(within(refusal).getByRole('button', { name: 'Copy instead' }));
    await vi.waitFor(() => expect(client.copy).toHaveBeenCalled());
  });

  it('sends the child the record is about with Insert, and keeps saying why it was refused once the panel follows the page to another child', async () => {
    const { client, push } = await pageClient(onPage, {
      inserted: false,
      reason: 'other-child',
      detail: 'Child B (LCS-200001)',
    });
    const harness = renderPanel(client);
    await harness.startExample();
    fireEvent.click(await screen.findByRole('button', { name: /Open the escalation with/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Insert into case note' }));
    await vi.waitFor(() => expect(client.insert).toHaveBeenCalled());
    expect(vi.mocked(client.insert).mock.calls[0]?.[1]).toEqual({
      recordId: draft.child.recordId,
      system: draft.child.system,
      entered: false,
    });
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Not inserted: the page now shows the record of Child B (LCS-200001), not the child this record is about. Nothing was put into the page.',
    );

    await push({ looked: true, child: { ...childOnPage, recordId: 'LCS-200001', displayName: 'Child B' } });
    expect(await screen.findByRole('heading', { name: 'Escalations for Record LCS-200001' })).toBeDefined();
    expect(screen.getByRole('alert').textContent).toMatch(
      new RegExp(
        `^The record for ${draft.child.recordId} was not inserted: the page now shows the record of Child B \\(LCS-200001\\)`,
      ),
    );

    // Back on the first child's page, the notice has done its work.
    await push(onPage);
    expect(
      await screen.findByRole('heading', { name: `Escalations for Record ${draft.child.recordId}` }),
    ).toBeDefined();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('copies the record and says to paste it when the editor did not take it', async () => {
    const { client } = await pageClient(onPage, { inserted: false, reason: 'not-accepted', detail: '' });
    const harness = renderPanel(client);
    await harness.startExample();
    fireEvent.click(await screen.findByRole('button', { name: /Open the escalation with/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Insert into case note' }));
    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toContain(
      'Not inserted: this case-note editor did not take the text. The text is copied: click in the case note and paste it with Ctrl+V',
    );
    expect(vi.mocked(client.copy).mock.calls[0]?.[0]).toBe(vi.mocked(client.insert).mock.calls[0]?.[0]);
    expect(screen.queryByText('Inserted into the case note field.')).toBeNull();
  });

  it('shows the policy’s stages when it is not beside a case-record page', async () => {
    renderPanel((await pageClient(null)).client);
    expect(await screen.findByText(/This panel is not beside a case-record page/)).toBeDefined();
    const ladder = screen.getByRole('list', { name: 'Stages and timescales' });
    expect(within(ladder).getByText(/within 6 working days/)).toBeDefined();
  });
});
