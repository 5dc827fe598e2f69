import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ManagedReading } from '../settings';
import type { LocalArea, LocalChangeEvent, ManagedArea, StorageAreas } from './area';

/** For tests: the fake browser's storage, with the organisation's settings given (none by default). */
export function fakeAreas(organisation?: Record<string, unknown>): StorageAreas {
  const managed: ManagedArea = organisation
    ? { get: async () => structuredClone(organisation) }
    : fakeBrowser.storage.managed;
  return { local: fakeBrowser.storage.local as unknown as LocalArea, managed };
}

export const fakeChanges = () => ({
  local: fakeBrowser.storage.local.onChanged as unknown as LocalChangeEvent,
});

/** A machine without organisation settings. */
export const noOrganisation: ManagedReading = { state: 'none' };
