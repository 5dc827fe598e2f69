import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installSiteBrowser } from '@/lib/sites/testing';
import { storageKeys } from '@/lib/storage/keys';
import { runOverlayOnSites, SLOW_PAGE_MS } from './on-sites';

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

  describe('on a page that takes long to load', () => {
    async function slowSite() {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const browser = installSiteBrowser({ granted: [demo] });
      await fakeBrowser.storage.local.set({ [storageKeys.sites]: [{ site: demo, on: true }] });
      const addresses = new Map<number, string>();
      vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (tabId) => {
        const url = addresses.get(tabId);
        if (!url) throw new Error(`No tab with id: ${tabId}`);
        return { id: tabId, url } as Tab;
      });
      runOverlayOnSites(async () => undefined);
      return { browser, addresses };
    }
    afterEach(() => {
      vi.useRealTimers();
    });

    it('runs the overlay once the page has been loading for a while, at its address then', async () => {
      const { browser, addresses } = await slowSite();
      await tabReports(7, 'loading', recordPage);
      addresses.set(7, 'http://127.0.0.1:8816/children/P100234/notes');
      await vi.advanceTimersByTimeAsync(SLOW_PAGE_MS - 1);
      expect(browser.ranIn).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      await vi.waitFor(() => expect(browser.ranIn).toEqual([7]));
    });

    it('does not wait on once the page has loaded, or the tab has closed', async () => {
      const { browser, addresses } = await slowSite();
      addresses.set(7, recordPage);
      addresses.set(8, recordPage);
      await tabReports(7, 'loading', recordPage);
      await tabReports(7, 'complete', recordPage);
      await vi.waitFor(() => expect(browser.ranIn).toEqual([7]));
      await tabReports(8, 'loading', recordPage);
      await fakeBrowser.tabs.onRemoved.trigger(8, { windowId: 1, isWindowClosing: false });
      await vi.advanceTimersByTimeAsync(SLOW_PAGE_MS * 2);
      expect(browser.ranIn).toEqual([7]);
    });

    it('runs nothing when the slow page has moved on to a site not in use', async () => {
      const { browser, addresses } = await slowSite();
      await tabReports(7, 'loading', recordPage);
      addresses.set(7, 'https://elsewhere.example/');
      await vi.advanceTimersByTimeAsync(SLOW_PAGE_MS);
      await vi.advanceTimersByTimeAsync(50);
      expect(browser.ranIn).toEqual([]);
    });
  });
});
