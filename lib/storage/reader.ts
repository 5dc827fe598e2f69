import type { LocalArea, LocalChangeEvent, StorageChange } from './area';
import { isEscalationKey, isQuarantineKey, storageKeys } from './layout';
import { readStoredData, type StoredData } from './snapshot';

/** Everything stored, parsed; pages call this and never write directly. */
export async function loadStoredData(area: LocalArea): Promise<StoredData> {
  return readStoredData(await area.get(null));
}

const concernsPages = (key: string) =>
  isEscalationKey(key) || isQuarantineKey(key) || key === storageKeys.settings;

/**
 * Calls `onChange` with freshly loaded data whenever an escalation, the
 * settings or the quarantine change, so every open panel, popup and options
 * page shows the latest state. Returns the function that stops watching.
 */
export function watchStoredData(
  area: LocalArea,
  changes: LocalChangeEvent,
  onChange: (data: StoredData) => void,
): () => void {
  let latest = 0;
  const listener = (changed: Record<string, StorageChange>) => {
    if (!Object.keys(changed).some(concernsPages)) return;
    // Loads may finish out of order; only the newest one is shown.
    const load = ++latest;
    void loadStoredData(area).then((data) => {
      if (load === latest) onChange(data);
    });
  };
  changes.addListener(listener);
  return () => changes.removeListener(listener);
}
