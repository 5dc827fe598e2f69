import { type ManagedReading, readManagedArea } from '../settings';
import type { LocalChangeEvent, StorageAreas, StorageChange } from './area';
import { isEscalationKey, isQuarantineKey, storageKeys } from './keys';
import { readStoredData, type StoredData } from './snapshot';

/** Everything stored, parsed, with the organisation's settings applied once the browser has them. */
export async function loadStoredData(areas: StorageAreas): Promise<StoredData> {
  const [snapshot, managed] = await Promise.all([areas.local.get(null), readManagedArea(areas.managed)]);
  return readStoredData(snapshot, managed);
}

const concernsPages = (key: string) =>
  isEscalationKey(key) ||
  isQuarantineKey(key) ||
  key === storageKeys.settings ||
  key === storageKeys.keptReturns;

/** How a page gets the stored data: loaded once, then every change as it happens. */
export interface StoredDataSource {
  load(): Promise<StoredData>;
  watch(onChange: (data: StoredData) => void): () => void;
}

/**
 * The stored data for a page. Chrome can take seconds to answer for the
 * organisation's settings the first time after start-up, so a page shows its
 * data at once under the strict settings that apply until then (nothing can be
 * changed, no names shown), and again when they arrive. After that every change
 * to an escalation, the settings, the quarantine or the organisation's settings
 * is passed on. Firefox never announces a change to the organisation's settings.
 */
export function storedDataSource(
  areas: StorageAreas,
  changes: { local: LocalChangeEvent; managed?: LocalChangeEvent },
): StoredDataSource {
  let managed: ManagedReading = { state: 'loading' };
  const managedLoaded = readManagedArea(areas.managed).then((reading) => {
    managed = reading;
  });
  const load = async () => readStoredData(await areas.local.get(null), managed);

  return {
    load,
    watch(onChange) {
      let latest = 0;
      let watching = true;
      const reload = () => {
        // Loads may finish out of order; only the newest one is shown.
        const current = ++latest;
        void load().then((data) => {
          if (watching && current === latest) onChange(data);
        });
      };
      const onLocalChange = (changed: Record<string, StorageChange>) => {
        if (Object.keys(changed).some(concernsPages)) reload();
      };
      const onManagedChange = () => {
        void readManagedArea(areas.managed).then((reading) => {
          managed = reading;
          reload();
        });
      };
      changes.local.addListener(onLocalChange);
      changes.managed?.addListener(onManagedChange);
      void managedLoaded.then(reload);
      return () => {
        watching = false;
        changes.local.removeListener(onLocalChange);
        changes.managed?.removeListener(onManagedChange);
      };
    },
  };
}
