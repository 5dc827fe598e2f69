import type { LocalArea, LocalChangeEvent, StorageChange } from './area';
import type { StorageSnapshot } from './keys';

function applyChanges(snapshot: StorageSnapshot, changes: Record<string, StorageChange>): void {
  for (const [key, change] of Object.entries(changes)) {
    if (change.newValue === undefined) delete snapshot[key];
    else snapshot[key] = change.newValue;
  }
}

/**
 * The background's one copy of `storage.local`, for the badge's alerts and
 * the panel's first screen alike: read whole once, then kept from the changes
 * the browser reports, since reading 2,000 escalations whole takes a browser a
 * third of a second. The alerts still read whole every so often (`area`'s
 * `get(null)` reads afresh), should the copy have missed anything. Readers
 * never change what they are given.
 */
export class LocalCopy {
  private snapshot: StorageSnapshot | undefined;
  private reading: Promise<StorageSnapshot> | undefined;
  /** Changes heard while a whole read is under way: applied over what it read. */
  private heardWhileReading: Record<string, StorageChange>[] | undefined;

  constructor(
    private readonly local: LocalArea,
    changes: LocalChangeEvent,
  ) {
    changes.addListener((changed) => {
      this.heardWhileReading?.push(changed);
      if (this.snapshot) applyChanges(this.snapshot, changed);
    });
  }

  /** `storage.local` as it stands, read whole first if it never was. */
  current(): Promise<StorageSnapshot> {
    return this.snapshot ? Promise.resolve(this.snapshot) : this.readWhole();
  }

  /** Reads `storage.local` whole again; a change heard meanwhile is set again over it, so it ends right. */
  readWhole(): Promise<StorageSnapshot> {
    this.reading ??= (async () => {
      const heard: Record<string, StorageChange>[] = [];
      this.heardWhileReading = heard;
      try {
        const read = { ...(await this.local.get(null)) };
        for (const changes of heard) applyChanges(read, changes);
        this.snapshot = read;
        return read;
      } finally {
        this.heardWhileReading = undefined;
        this.reading = undefined;
      }
    })();
    return this.reading;
  }

  /** `storage.local` for a reader that keeps a copy of its own: reading everything reads afresh through this one. */
  get area(): LocalArea {
    return {
      get: async (keys) =>
        keys === null || keys === undefined ? { ...(await this.readWhole()) } : this.local.get(keys),
      set: (items) => this.local.set(items),
      remove: (keys) => this.local.remove(keys),
    };
  }
}
