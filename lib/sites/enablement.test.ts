import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storageKeys } from '@/lib/storage/keys';
import {
  adaptersForPage,
  addSite,
  disableSite,
  enableSite,
  listSites,
  removeSite,
  retireRegistration,
  siteStatus,
  switchSite,
} from './enablement';
import type { FoundChild } from './find-child';
import { builtInAdapters, demoAdapter, type SiteAdapter } from './selectors';
import { testSite } from './site-test';
import { installSiteBrowser } from './testing';

const demo = 'http://127.0.0.1/*';
const lcs = 'https://lcs.council.example/*';
const mosaic = 'https://mosaic.council.example/*';

const councilMosaic: SiteAdapter = { id: 'council-mosaic', system: 'Mosaic', pages: '^https://mosaic\\.' };

async function organisation(values: Record<string, unknown>) {
  await fakeBrowser.storage.managed.set({ organisationName: 'Example Borough Council', ...values });
}

const storedSites = async () => (await fakeBrowser.storage.local.get(storageKeys.sites))[storageKeys.sites];
const removedFrom: number[] = [];
const removeOverlay = async (tabId: number) => {
  removedFrom.push(tabId);
};

describe('the sites in use', () => {
  it('are the user’s sites that are on and granted, and the organisation’s that are granted', async () => {
    installSiteBrowser({ granted: [demo, 'https://off.example/*', lcs] });
    await fakeBrowser.storage.local.set({
      [storageKeys.sites]: [
        { site: demo, on: true },
        { site: 'https://off.example/*', on: false },
        { site: 'https://withdrawn.example/*', on: true },
      ],
    });
    await organisation({ sites: [{ site: lcs }, { site: mosaic }] });
    const inUse = async (url: string) => (await siteStatus(url)).enabled;
    expect(await inUse('http://127.0.0.1:8816/children/P100234')).toBe(true);
    expect(await inUse('https://lcs.council.example/person/1')).toBe(true);
    expect(await inUse('https://off.example/record')).toBe(false);
    expect(await inUse('https://withdrawn.example/record')).toBe(false);
    expect(await inUse('https://mosaic.council.example/person/1')).toBe(false);
    expect(await inUse('https://elsewhere.example/')).toBe(false);
  });

  it('stop being in use when switched off, keeping the site and its permission', async () => {
    const browser = installSiteBrowser({ granted: [demo, lcs] });
    await addSite(demo);
    await addSite(lcs);
    await switchSite(lcs, false, removeOverlay);
    expect((await siteStatus('https://lcs.council.example/person/1')).enabled).toBe(false);
    expect((await siteStatus('http://127.0.0.1/children')).enabled).toBe(true);
    await switchSite(demo, false, removeOverlay);
    expect((await siteStatus('http://127.0.0.1/children')).enabled).toBe(false);
    expect(await storedSites()).toEqual([
      { site: demo, on: false },
      { site: lcs, on: false },
    ]);
    expect(browser.granted.has(demo)).toBe(true);
  });

  it('no longer have a content script registered for them, as earlier builds did', async () => {
    const browser = installSiteBrowser({ granted: [demo], registered: true });
    await retireRegistration();
    expect(browser.registered).toBe(false);
    await retireRegistration();
    expect(browser.registered).toBe(false);
  });
});

describe('changing sites', () => {
  it('adds a site only once the browser grants it', async () => {
    installSiteBrowser();
    await expect(addSite(demo)).rejects.toMatchObject({ code: 'permission-needed' });
    expect(await storedSites()).toBeUndefined();
  });

  it('removes a site with its permission, except a host the build requires', async () => {
    const browser = installSiteBrowser({ granted: [lcs], required: [demo] });
    await addSite(lcs);
    await addSite(demo);
    await removeSite(lcs, removeOverlay);
    await removeSite(demo, removeOverlay);
    expect(await storedSites()).toEqual([]);
    expect(browser.granted).toEqual(new Set([demo]));
  });

  it('refuses to switch off or remove a locked organisation site, and changes nothing', async () => {
    const browser = installSiteBrowser({ granted: [lcs] });
    await organisation({ sites: [{ site: lcs }] });
    await expect(switchSite(lcs, false, removeOverlay)).rejects.toMatchObject({
      name: 'MessageError',
      code: 'site-locked',
      message: 'Example Borough Council sets lcs.council.example, so it cannot be switched off here.',
    });
    await expect(removeSite(lcs, removeOverlay)).rejects.toMatchObject({ code: 'site-locked' });
    expect((await siteStatus('https://lcs.council.example/person/1')).enabled).toBe(true);
    expect(browser.granted.has(lcs)).toBe(true);
  });

  it('switches off an organisation site IT lets users change', async () => {
    installSiteBrowser({ granted: [lcs] });
    await organisation({ sites: [{ site: lcs }], userMayChange: ['sites'] });
    await switchSite(lcs, false, removeOverlay);
    const { sites } = await listSites();
    expect(sites).toEqual([
      {
        site: lcs,
        name: 'lcs.council.example',
        on: false,
        granted: true,
        organisation: true,
        locked: false,
      },
    ]);
  });
});

describe('the popup’s view of a site', () => {
  it('says when the organisation sets the site, and keeps it on the list when turned off', async () => {
    installSiteBrowser({ granted: [demo, lcs] });
    await organisation({ sites: [{ site: lcs }] });
    expect(await siteStatus('https://lcs.council.example/person/1')).toEqual({
      site: lcs,
      enabled: true,
      locked: true,
      setBy: 'Example Borough Council',
    });
    await enableSite('http://127.0.0.1:8816/children/P100234');
    await disableSite('http://127.0.0.1:8816/children/P100234', removeOverlay);
    expect(await siteStatus('http://127.0.0.1:8816/children')).toEqual({
      site: demo,
      enabled: false,
      locked: false,
    });
    expect(await storedSites()).toEqual([{ site: demo, on: false }]);
  });
});

describe('the adapters for a page', () => {
  it('are the site’s chosen adapter, or IT’s and then the built-in ones', async () => {
    installSiteBrowser({ granted: [demo] });
    await organisation({ sites: [{ site: mosaic, adapter: 'council-mosaic' }], adapters: [councilMosaic] });
    await fakeBrowser.storage.local.set({
      [storageKeys.sites]: [{ site: demo, adapter: 'demo-case-record-system', on: true }],
    });
    expect(await adaptersForPage('http://127.0.0.1:8816/children/P100234')).toEqual([demoAdapter]);
    expect(await adaptersForPage('https://mosaic.council.example/person')).toEqual([councilMosaic]);
    expect(await adaptersForPage('https://elsewhere.example/')).toEqual([councilMosaic, ...builtInAdapters]);
  });
});

describe('testing a site', () => {
  const child: FoundChild = {
    adapterId: 'demo-case-record-system',
    system: 'Demo Case Record System',
    recordId: 'P100234',
    displayName: 'Amelia Hartwell',
    recordUrl: 'http://127.0.0.1:8816/children/P100234',
  };
  const tried: { tabId: number; adapters: string[] }[] = [];
  const findIn =
    (children: Record<string, FoundChild | null>) => async (tabId: number, adapters: SiteAdapter[]) => {
      tried.push({ tabId, adapters: adapters.map(({ id }) => id) });
      const tab = await fakeBrowser.tabs.get(tabId);
      return children[tab.url ?? ''] ?? null;
    };

  it('says why nothing was found: no permission, no open tab, or no child on the open tabs', async () => {
    installSiteBrowser();
    expect(await testSite(demo, findIn({}))).toEqual({ found: false, reason: 'no-permission', tabs: 0 });
    installSiteBrowser({ granted: [demo] });
    expect(await testSite(demo, findIn({}))).toEqual({ found: false, reason: 'no-tab', tabs: 0 });
    await fakeBrowser.tabs.create({ url: 'http://127.0.0.1:8816/children' });
    expect(await testSite(demo, findIn({}))).toEqual({ found: false, reason: 'no-child', tabs: 1 });
  });

  it('finds the child in an open tab with the site’s adapters, naming the child only when names are shown', async () => {
    installSiteBrowser({ granted: [demo] });
    await fakeBrowser.storage.local.set({
      [storageKeys.sites]: [{ site: demo, adapter: 'demo-case-record-system', on: false }],
    });
    await fakeBrowser.tabs.create({ url: 'https://elsewhere.example/' });
    const tab = await fakeBrowser.tabs.create({ url: child.recordUrl });
    const find = findIn({ [child.recordUrl]: child });
    expect(await testSite(demo, find)).toEqual({
      found: true,
      system: 'Demo Case Record System',
      recordId: 'P100234',
    });
    expect(tried.at(-1)).toEqual({ tabId: tab.id, adapters: ['demo-case-record-system'] });
    await fakeBrowser.storage.local.set({ [storageKeys.settings]: { showChildNames: true } });
    expect(await testSite(demo, find)).toMatchObject({ displayName: 'Amelia Hartwell' });
  });
});
