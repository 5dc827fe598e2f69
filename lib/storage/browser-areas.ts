import { browser } from 'wxt/browser';
import type { StorageAreas } from './area';
import { type StoredDataSource, storedDataSource } from './reader';

/** The browser's storage as pages read it: the user's data, and the organisation's settings beside it. */
function browserStorageAreas(): StorageAreas {
  return { local: browser.storage.local, managed: browser.storage.managed };
}

/** The stored data for an extension page, kept up to date. */
export function browserStoredData(): StoredDataSource {
  return storedDataSource(browserStorageAreas(), {
    local: browser.storage.local.onChanged,
    managed: browser.storage.managed.onChanged,
  });
}
