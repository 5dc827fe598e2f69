// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { draft, socialWorker } from '@/lib/escalation/testing';
import { createMessageRouter } from '@/lib/messaging';
import {
  createDataClient,
  EscalationStore,
  type LocalArea,
  loadStoredData,
  type StoredData,
  storageRoutes,
} from '@/lib/storage';
import { fakeAreas } from '@/lib/storage/testing';
import { DataSection } from './DataSection';

const self = { id: 'ext', origin: 'chrome-extension://ext/' };
const now = () => new Date('2026-11-02T16:00:00Z');

let area: LocalArea;
let store: EscalationStore;

/** The real client, wired to the real store through the real router, as the options page is. */
function realClient() {
  const router = createMessageRouter(storageRoutes(store), self);
  return createDataClient(
    area,
    async (envelope) => router(envelope, { id: 'ext', url: `${self.origin}options.html` }),
    now,
  );
}

async function renderSection(): Promise<StoredData> {
  const data = await loadStoredData(fakeAreas());
  render(<DataSection data={data} client={realClient()} />);
  return data;
}

beforeEach(async () => {
  area = fakeBrowser.storage.local as unknown as LocalArea;
  let ids = 0;
  store = new EscalationStore({ area, managed: fakeAreas().managed, now, newId: () => `esc-${++ids}` });
  await store.startEscalation(draft, socialWorker);
});

afterEach(cleanup);

describe('DataSection', () => {
  it('says what is stored and offers a backup', async () => {
    await renderSection();
    expect(screen.getByText(/1 escalation \(1 open, 0 ended\)/)).toBeDefined();
    expect(screen.getByRole('button', { name: 'Export a backup' })).toBeDefined();
    expect(screen.getByText('None. Every stored entry is readable.')).toBeDefined();
  });

  it('refuses a retention period that is not a whole number of days, next to the field', async () => {
    await renderSection();
    const field = screen.getByLabelText('Days to keep a resolved or withdrawn escalation');
    fireEvent.change(field, { target: { value: '0' } });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter a whole number of days from 1 to 3650.')).toBeDefined();

    fireEvent.change(field, { target: { value: '14' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/14 days after they end/));
    expect((await loadStoredData(fakeAreas())).settings.retentionDays).toBe(14);
  });

  it('lists every problem with a bad backup file and changes nothing', async () => {
    await renderSection();
    const before = await area.get(null);
    const file = new File(['{"format":"escalation-overlay-backup"'], 'broken.json', {
      type: 'application/json',
    });
    await act(async () =>
      fireEvent.change(screen.getByLabelText('Backup file'), { target: { files: [file] } }),
    );
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/not valid JSON/));
    expect(await area.get(null)).toEqual(before);
  });

  it('previews a good backup and imports it on request', async () => {
    const { text } = await realClient().exportBackup();
    await store.deleteAll();
    await renderSection();
    const file = new File([text], 'backup.json', { type: 'application/json' });
    await act(async () =>
      fireEvent.change(screen.getByLabelText('Backup file'), { target: { files: [file] } }),
    );
    const preview = await screen.findByRole('form', { name: 'Import preview' });
    expect(preview.textContent).toMatch(/1 new escalation/);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Import' })));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Imported.'));
    expect((await loadStoredData(fakeAreas())).escalations.map((escalation) => escalation.id)).toEqual([
      'esc-1',
    ]);
  });

  it('deletes everything only after a second, explicit confirmation', async () => {
    await renderSection();
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    expect((await loadStoredData(fakeAreas())).escalations).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Yes, delete everything' })));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Deleted 1 escalation/));
    expect((await loadStoredData(fakeAreas())).escalations).toEqual([]);
  });
});

describe('DataSection: what goes to the partnership', () => {
  it('says what is kept after retention, and clears it only on confirmation', async () => {
    const resolved = await store.startEscalation(draft, socialWorker);
    await store.changeEscalation(
      resolved.id,
      resolved.revision,
      {
        kind: 'resolve',
        input: {
          agreementReached: true,
          agreementReason: 'Agreed by email.',
          outcomeId: 'resolved',
          summary: 'Agreed.',
        },
      },
      socialWorker,
    );
    const later = new EscalationStore({
      area,
      managed: fakeAreas().managed,
      now: () => new Date('2027-01-04T09:00:00Z'),
      newId: () => 'unused',
    });
    expect(await later.applyRetention()).toBe(1);
    await renderSection();
    expect(screen.getByText(/Kept now: 1 row\./)).toBeDefined();
    expect(
      (screen.getByLabelText('Months to keep a returns row after its escalation ended') as HTMLInputElement)
        .value,
    ).toBe('13');
    fireEvent.click(screen.getByRole('button', { name: 'Clear kept returns…' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Yes, clear them' }));
    });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Cleared 1 kept returns row.'));
    expect((await loadStoredData(fakeAreas())).keptReturns).toEqual([]);
  });

  it('allows the record id in notifications only when the user turns it on, and not when IT locks it off', async () => {
    await renderSection();
    const box = screen.getByRole('checkbox', {
      name: 'Allow the child’s record id in notifications to the partnership',
    }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    await act(async () => {
      fireEvent.click(box);
    });
    await waitFor(async () =>
      expect((await loadStoredData(fakeAreas())).settings.notificationIncludesRecordId).toBe(true),
    );
    cleanup();
    const locked = await loadStoredData(fakeAreas({ notificationIncludesRecordId: false }));
    render(<DataSection data={locked} client={realClient()} />);
    const lockedBox = screen.getByRole('checkbox', {
      name: 'Allow the child’s record id in notifications to the partnership',
    }) as HTMLInputElement;
    expect(lockedBox.checked).toBe(false);
    expect(lockedBox.disabled).toBe(true);
  });
});
