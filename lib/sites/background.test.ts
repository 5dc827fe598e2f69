import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storageKeys } from '@/lib/storage/layout';
import { runOverlayOnSites } from './background';
import { installSiteBrowser } from './testing';

const demo = 'http://127.0.0.1/*';
const recordPage = 'http://127.0.0.1:8816/children/P100234';
type Tab = Parameters<typeof fakeBrowser.tabs.onUpdated.trigger>[2];

/** The tab with `tabId` reporting `status` for the page at `url`, as the browser does. */
const tabReports = (tabId: number, status: 'loading' | 'complete', url?: string) =>
  fakeBrowser.tabs.onUpdated.trigger(tabId, { status }, { id: tabId, url } as Tab);

describe('the overlay on the pages of sites in use', () => {
  it('runs once a page of a site in use has loaded, and not while it loads', async () => {
    const browser = installSiteBrowser({ granted: [demo] });
    await fakeBrowser.storage.local.set({ [storageKeys.sites]: [{ site: demo, on: true }] });
    runOverlayOnSites(async () => undefined);
    await tabReports(7, 'loading', recordPage);
    await vi.waitFor(() => expect(browser.ranIn).toEqual([]));
    await tabReports(7, 'complete', recordPage);
    await vi.waitFor(() => expect(browser.ranIn).toEqual([7]));
  });

  it('leaves alone a page where the overlay already runs', async () => {
    const browser = installSiteBrowser({ granted: [demo] });
    await fakeBrowser.storage.local.set({ [storageKeys.sites]: [{ site: demo, on: true }] });
    const asked: unknown[] = [];
    // The content script answers the background's question.
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId) => {
      asked.push(tabId);
      return { ok: true, value: {} };
    });
    runOverlayOnSites(async () => undefined);
    await tabReports(3, 'complete', recordPage);
    await vi.waitFor(() => expect(asked).toEqual([3]));
    expect(browser.ranIn).toEqual([]);
  });

  it('runs nothing on a site switched off, not granted, or not listed, or where the address is hidden', async () => {
    const browser = installSiteBrowser({ granted: [demo, 'https://granted.example/*'] });
    await fakeBrowser.storage.local.set({
      [storageKeys.sites]: [
        { site: demo, on: false },
        { site: 'https://not-granted.example/*', on: true },
      ],
    });
    runOverlayOnSites(async () => undefined);
    await tabReports(1, 'complete', recordPage);
    await tabReports(2, 'complete', 'https://not-granted.example/record');
    await tabReports(3, 'complete', 'https://granted.example/record');
    await tabReports(4, 'complete');
    await new Promise((settled) => setTimeout(settled, 20));
    expect(browser.ranIn).toEqual([]);
  });

  it('waits for storage to be migrated before reading the sites', async () => {
    const browser = installSiteBrowser({ granted: [demo] });
    await fakeBrowser.storage.local.set({ [storageKeys.sites]: [{ site: demo, on: true }] });
    let migrated = () => {};
    runOverlayOnSites(() => new Promise<void>((done) => (migrated = done)));
    await tabReports(5, 'complete', recordPage);
    await new Promise((settled) => setTimeout(settled, 20));
    expect(browser.ranIn).toEqual([]);
    migrated();
    await vi.waitFor(() => expect(browser.ranIn).toEqual([5]));
  });
});
