/** The part of `browser.storage.local` the store uses; the fake browser and real browsers both fit. */
export interface LocalArea {
  get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

/** The change event of `browser.storage.local`. */
export interface LocalChangeEvent {
  addListener(callback: (changes: Record<string, StorageChange>) => void): void;
  removeListener(callback: (changes: Record<string, StorageChange>) => void): void;
}

/** `browser.storage.managed`: the organisation's settings, read-only; Firefox rejects `get` when it has none. */
export interface ManagedArea {
  get(keys?: null): Promise<Record<string, unknown>>;
}

/** The storage areas pages and the background read. */
export interface StorageAreas {
  local: LocalArea;
  managed: ManagedArea;
}
