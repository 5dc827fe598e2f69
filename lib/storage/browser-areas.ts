import { browser } from 'wxt/browser';
import type { StorageAreas } from './area';
import { loadStoredData, watchStoredData } from './reader';
import type { StoredData } from './snapshot';

/** The browser's storage as pages read it: the user's data, and the organisation's settings beside it. */
export function browserStorageAreas(): StorageAreas {
  return { local: browser.storage.local, managed: browser.storage.managed };
}

/** Stored data for a page: loaded once and kept up to date; Firefox never announces managed changes. */
export function browserStoredData() {
  const areas = browserStorageAreas();
  const changes = { local: browser.storage.local.onChanged, managed: browser.storage.managed.onChanged };
  return {
    load: () => loadStoredData(areas),
    watch: (onChange: (data: StoredData) => void) => watchStoredData(areas, changes, onChange),
  };
}
