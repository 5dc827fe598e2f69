import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MessageError } from '@/lib/messaging';
import { organisationSettingsFrom } from '@/lib/settings';
import type { FoundChild } from './find-child';
import type { SiteTestResult } from './messages';
import type { AfterAsking, SitesClient } from './options-client';
import {
  mergeSites,
  type OrganisationSites,
  type SiteEntry,
  siteListing,
  withAdapterChosen,
  withSiteAdded,
  withSiteRemoved,
  withSiteSwitched,
} from './site-list';

/**
 * For tests: the parts of the browser that sites use and that the fake browser
 * leaves out (permissions, scripting, the manifest), kept in memory.
 */
export interface SiteBrowserState {
  granted: Set<string>;
  /** Whether an earlier build's content-script registration is still there. */
  registered: boolean;
  /** The tabs the overlay was run in, in order. */
  ranIn: number[];
}

export function installSiteBrowser({
  granted = [],
  required = [],
  registered = false,
}: {
  granted?: string[];
  required?: string[];
  registered?: boolean;
} = {}) {
  const state: SiteBrowserState = { granted: new Set([...granted, ...required]), registered, ranIn: [] };
  const origins = (permissions: { origins?: string[] }) => permissions.origins ?? [];
  const scripting = {
    getRegisteredContentScripts: async () => (state.registered ? [{ id: 'case-record-sites' }] : []),
    unregisterContentScripts: async () => {
      if (!state.registered) throw new Error('No such script');
      state.registered = false;
    },
    executeScript: async ({ target }: { target: { tabId: number } }) => {
      state.ranIn.push(target.tabId);
      return [];
    },
  };
  const permissions = {
    contains: async (asked: { origins?: string[] }) =>
      origins(asked).every((site) => state.granted.has(site)),
    remove: async (asked: { origins?: string[] }) => {
      if (origins(asked).some((site) => required.includes(site)))
        throw new Error('You cannot remove required permissions.');
      for (const site of origins(asked)) state.granted.delete(site);
      return true;
    },
  };
  Object.assign(fakeBrowser.scripting, scripting);
  Object.assign(fakeBrowser.permissions, permissions);
  Object.assign(fakeBrowser.runtime, { getManifest: () => ({ host_permissions: required }) });
  return state;
}

/** What the in-memory Sites client holds: the lists, the browser's answers, and the open tabs. */
export interface MemorySites {
  user: SiteEntry[];
  organisation: OrganisationSites;
  granted: Set<string>;
  /** What the browser's permission prompt answers. */
  allows: boolean;
  /** The child each open tab shows (null: none), by site. */
  tabs: Record<string, (FoundChild | null)[]>;
  showChildNames: boolean;
}

/** The organisation's sites and adapters as lib/settings would check them from a managed policy. */
export const organisationOf = (values: Record<string, unknown>) =>
  organisationSettingsFrom({ state: 'found', values });

/**
 * For component tests: the Sites client working in memory, on the same list
 * rules as the background, so what the section shows comes from real changes.
 */
export function memorySitesClient(start: Partial<MemorySites> = {}) {
  const state: MemorySites = {
    user: [],
    organisation: organisationSettingsFrom({ state: 'none' }),
    granted: new Set(),
    allows: true,
    tabs: {},
    showChildNames: false,
    ...start,
  };
  const listeners = new Set<() => void>();
  const listing = async () =>
    siteListing(mergeSites(state.user, state.organisation), state.organisation, state.granted);
  const change = async (next: SiteEntry[]) => {
    state.user = next;
    return listing();
  };
  const ask = async (site: string, then: () => Promise<unknown>): Promise<AfterAsking> => {
    if (!state.allows) return { granted: false };
    state.granted.add(site);
    await then();
    return { granted: true, listing: await listing() };
  };
  const refuseUnlessGranted = (site: string) => {
    if (!state.granted.has(site)) throw new MessageError('permission-needed', 'Not allowed.');
  };
  const client: SitesClient = {
    list: listing,
    watch(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    add: (site) =>
      ask(site, async () => {
        refuseUnlessGranted(site);
        state.user = withSiteAdded(state.user, state.organisation, site);
      }),
    switchOn: (site) =>
      ask(site, async () => {
        state.user = withSiteSwitched(state.user, state.organisation, site, true);
      }),
    switchOff: async (site) => change(withSiteSwitched(state.user, state.organisation, site, false)),
    chooseAdapter: async (site, adapter) =>
      change(withAdapterChosen(state.user, state.organisation, site, adapter ?? undefined)),
    remove: async (site) => {
      const next = withSiteRemoved(state.user, state.organisation, site);
      state.granted.delete(site);
      return change(next);
    },
    async test(site): Promise<SiteTestResult> {
      if (!state.granted.has(site)) return { found: false, reason: 'no-permission', tabs: 0 };
      const tabs = state.tabs[site] ?? [];
      if (tabs.length === 0) return { found: false, reason: 'no-tab', tabs: 0 };
      const child = tabs.find((found) => found !== null);
      if (!child) return { found: false, reason: 'no-child', tabs: tabs.length };
      const { system, recordId, displayName } = child;
      return {
        found: true,
        system,
        recordId,
        ...(state.showChildNames && displayName ? { displayName } : {}),
      };
    },
  };
  /** A change made elsewhere (the popup, the browser's settings, IT's policy), announced to watchers. */
  const changeElsewhere = (update: (sites: MemorySites) => void) => {
    update(state);
    for (const listener of listeners) listener();
  };
  return { client, state, changeElsewhere };
}
