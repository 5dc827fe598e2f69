import { readManagedArea } from '../settings';
import type { LocalChangeEvent, StorageAreas, StorageChange } from './area';
import { isEscalationKey, isQuarantineKey, storageKeys } from './layout';
import { readStoredData, type StoredData } from './snapshot';

/** Everything stored, parsed, with the organisation's settings applied; pages call this and never write directly. */
export async function loadStoredData(areas: StorageAreas): Promise<StoredData> {
  const [snapshot, managed] = await Promise.all([areas.local.get(null), readManagedArea(areas.managed)]);
  return readStoredData(snapshot, managed);
}

const concernsPages = (key: string) =>
  isEscalationKey(key) || isQuarantineKey(key) || key === storageKeys.settings;

/**
 * Calls `onChange` with freshly loaded data whenever an escalation, the
 * settings, the quarantine or the organisation's settings change, so every open
 * panel, popup and options page shows the latest state. Returns the function
 * that stops watching.
 */
export function watchStoredData(
  areas: StorageAreas,
  changes: { local: LocalChangeEvent; managed?: LocalChangeEvent },
  onChange: (data: StoredData) => void,
): () => void {
  let latest = 0;
  const reload = () => {
    // Loads may finish out of order; only the newest one is shown.
    const load = ++latest;
    void loadStoredData(areas).then((data) => {
      if (load === latest) onChange(data);
    });
  };
  const localListener = (changed: Record<string, StorageChange>) => {
    if (Object.keys(changed).some(concernsPages)) reload();
  };
  changes.local.addListener(localListener);
  changes.managed?.addListener(reload);
  return () => {
    changes.local.removeListener(localListener);
    changes.managed?.removeListener(reload);
  };
}
