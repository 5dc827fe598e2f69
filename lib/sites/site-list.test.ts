import { describe, expect, it } from 'vitest';
import { organisationSettingsFrom } from '@/lib/settings';
import { builtInAdapters, demoAdapter, genericAdapter, type SiteAdapter } from './selectors';
import {
  adapterChoices,
  adaptersForSite,
  mergeSites,
  readSiteEntries,
  type SiteEntry,
  withAdapterChosen,
  withSiteAdded,
  withSiteRemoved,
  withSiteSwitched,
} from './site-list';
import { organisationOf } from './testing';

const none = organisationSettingsFrom({ state: 'none' });
const lcs = 'https://lcs.council.example/*';
const mosaic = 'https://mosaic.council.example/*';
const demo = 'http://127.0.0.1/*';

const councilMosaic: SiteAdapter = {
  id: 'council-mosaic',
  system: 'Mosaic',
  pages: '^https://mosaic\\.council\\.example/',
  idSelectors: ['table.person-header th + td'],
};

const council = (values: Record<string, unknown> = {}) =>
  organisationOf({
    organisationName: 'Example Borough Council',
    sites: [{ site: lcs }, { site: mosaic, adapter: 'council-mosaic' }],
    adapters: [councilMosaic],
    ...values,
  });

describe('reading the stored list', () => {
  it('keeps each valid entry, drops damaged ones alone, and keeps the first of a repeated site', () => {
    expect(
      readSiteEntries([
        { site: demo, on: true },
        { site: 'not a site', on: true },
        { site: lcs, on: 'yes' },
        { site: demo, on: false },
        { site: lcs, adapter: 'generic', on: false },
      ]),
    ).toEqual([
      { site: demo, on: true },
      { site: lcs, adapter: 'generic', on: false },
    ]);
    expect(readSiteEntries(undefined)).toEqual([]);
  });
});

describe('merging the user’s sites and the organisation’s', () => {
  it('puts the organisation’s first, locked unless IT lets users change sites, then the user’s by name', () => {
    const user: SiteEntry[] = [
      { site: 'https://zeta.example/*', on: true },
      { site: demo, adapter: 'demo-case-record-system', on: false },
      { site: lcs, on: false },
    ];
    expect(mergeSites(user, council())).toEqual([
      { site: lcs, on: true, organisation: true, locked: true },
      { site: mosaic, adapter: 'council-mosaic', on: true, organisation: true, locked: true },
      { site: demo, adapter: 'demo-case-record-system', on: false, organisation: false, locked: false },
      { site: 'https://zeta.example/*', on: true, organisation: false, locked: false },
    ]);
  });

  it('lets the user’s own switch and adapter win on a site the organisation lets them change', () => {
    const unlocked = council({ userMayChange: ['sites'] });
    expect(mergeSites([{ site: lcs, on: false }], unlocked)[0]).toEqual({
      site: lcs,
      on: false,
      organisation: true,
      locked: false,
    });
  });

  it('is just the user’s list without an organisation', () => {
    expect(mergeSites([{ site: demo, on: true }], none)).toEqual([
      { site: demo, on: true, organisation: false, locked: false },
    ]);
  });
});

describe('changing the list', () => {
  it('adds a site on, and adding it again switches it back on keeping its adapter', () => {
    const added = withSiteAdded([], none, demo);
    expect(added).toEqual([{ site: demo, on: true }]);
    const chosen = withAdapterChosen(added, none, demo, 'demo-case-record-system');
    const off = withSiteSwitched(chosen, none, demo, false);
    expect(off).toEqual([{ site: demo, adapter: 'demo-case-record-system', on: false }]);
    expect(withSiteAdded(off, none, demo)).toEqual([
      { site: demo, adapter: 'demo-case-record-system', on: true },
    ]);
    expect(withAdapterChosen(off, none, demo, undefined)).toEqual([{ site: demo, on: false }]);
  });

  it('refuses to switch off, remove or re-adapt a locked organisation site, naming the organisation', () => {
    for (const change of [
      () => withSiteSwitched([], council(), lcs, false),
      () => withSiteRemoved([], council(), lcs),
      () => withAdapterChosen([], council(), mosaic, 'generic'),
    ]) {
      expect(change).toThrow(expect.objectContaining({ name: 'MessageError', code: 'site-locked' }));
    }
    expect(() => withSiteSwitched([], council(), lcs, false)).toThrow(
      'Example Borough Council sets lcs.council.example, so it cannot be switched off here.',
    );
    // Switching a locked site on (after the browser allowed it) changes nothing and is not refused.
    expect(withSiteSwitched([], council(), lcs, true)).toEqual([]);
  });

  it('lets an unlocked organisation site be switched off, but not removed', () => {
    const unlocked = council({ userMayChange: ['sites'] });
    const off = withSiteSwitched([], unlocked, mosaic, false);
    expect(off).toEqual([{ site: mosaic, adapter: 'council-mosaic', on: false }]);
    expect(mergeSites(off, unlocked).find(({ site }) => site === mosaic)?.on).toBe(false);
    expect(() => withSiteRemoved(off, unlocked, mosaic)).toThrow(
      expect.objectContaining({ code: 'site-from-organisation' }),
    );
  });

  it('removes only the user’s own site, and refuses sites and adapters it does not know', () => {
    expect(withSiteRemoved([{ site: demo, on: false }], none, demo)).toEqual([]);
    expect(() => withSiteSwitched([], none, demo, true)).toThrow(
      expect.objectContaining({ code: 'unknown-site' }),
    );
    expect(() => withAdapterChosen([{ site: demo, on: true }], none, demo, 'nobody')).toThrow(
      expect.objectContaining({ code: 'unknown-adapter' }),
    );
  });
});

describe('the adapters tried on a page', () => {
  const automatic = [councilMosaic, ...builtInAdapters];

  it('are the site’s chosen adapter alone, the user’s or IT’s', () => {
    const sites = mergeSites([{ site: demo, adapter: 'demo-case-record-system', on: true }], council());
    expect(
      adaptersForSite(
        sites.find(({ site }) => site === demo),
        [councilMosaic],
      ),
    ).toEqual([demoAdapter]);
    expect(
      adaptersForSite(
        sites.find(({ site }) => site === mosaic),
        [councilMosaic],
      ),
    ).toEqual([councilMosaic]);
  });

  it('are IT’s adapters then the built-in ones when none is chosen, the site is not listed, or the choice is gone', () => {
    const sites = mergeSites([{ site: 'https://gone.example/*', adapter: 'withdrawn', on: true }], council());
    expect(
      adaptersForSite(
        sites.find(({ site }) => site === lcs),
        [councilMosaic],
      ),
    ).toEqual(automatic);
    expect(adaptersForSite(undefined, [councilMosaic])).toEqual(automatic);
    expect(
      adaptersForSite(
        sites.find(({ site }) => site === 'https://gone.example/*'),
        [councilMosaic],
      ),
    ).toEqual(automatic);
    expect(adaptersForSite(undefined, []).at(-1)).toBe(genericAdapter);
  });

  it('are offered by the system’s name, IT’s marked as the organisation’s', () => {
    expect(adapterChoices([councilMosaic])).toEqual([
      { id: 'council-mosaic', name: 'Mosaic', from: 'organisation' },
      { id: 'demo-case-record-system', name: 'Demo Case Record System', from: 'built-in' },
      { id: 'generic', name: 'Any system (common page layouts)', from: 'built-in' },
    ]);
  });
});
