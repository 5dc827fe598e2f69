import type { StorageChange } from '../storage/area';
import { DASHBOARD_LIST_KEY } from '../storage/keys';
import { type DashboardList, dashboardListSchema } from './dashboard';

/** Shows a list as it changes; returns the function that stops. */
export type FollowList = (show: (list: DashboardList) => void) => () => void;

/**
 * Where the background keeps the popup's list: `storage.session`, in memory
 * only and, at Chrome's default access level, out of content scripts' reach
 * (nothing here changes that level). Gone when the browser closes, and kept
 * again at every start. It is kept as one JSON text because a browser hands a
 * page one string far faster than the same data as stored objects.
 */

/** The part of `browser.storage.session` the popup's list uses. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
  onChanged: {
    addListener(callback: (changes: Record<string, StorageChange>) => void): void;
    removeListener(callback: (changes: Record<string, StorageChange>) => void): void;
  };
}

/** The kept list, parsed; undefined when there is none or it cannot be read. */
export function readDashboardList(stored: unknown): DashboardList | undefined {
  if (typeof stored !== 'string') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return undefined;
  }
  const parsed = dashboardListSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Keeps the popup's list, writing only when it changed, so open popups hear
 * only of real changes. Should the write fail, the old list is removed rather
 * than left to show deadlines that are no longer right. True when written.
 */
export async function keepDashboardList(session: SessionArea, list: DashboardList): Promise<boolean> {
  const text = JSON.stringify(list);
  if ((await session.get(DASHBOARD_LIST_KEY))[DASHBOARD_LIST_KEY] === text) return false;
  try {
    await session.set({ [DASHBOARD_LIST_KEY]: text });
  } catch (error) {
    await session.remove(DASHBOARD_LIST_KEY);
    throw error;
  }
  return true;
}

/**
 * Shows the popup's list as soon as it is read, and again each time the
 * background keeps a new one; returns the function that stops. Until the
 * background has kept a readable list (the first moments after install, or a
 * damaged entry), the list is worked out from everything stored, as the
 * background would, and followed there; `stored` is asked for only then.
 */
export function followDashboardList(
  session: SessionArea,
  stored: () => Promise<FollowList>,
  show: (list: DashboardList) => void,
): () => void {
  let following = true;
  let kept = false;
  let stopStored: (() => void) | undefined;

  const adopt = (list: DashboardList) => {
    kept = true;
    stopStored?.();
    stopStored = undefined;
    show(list);
  };
  const onChanged = (changes: Record<string, StorageChange>) => {
    const list = readDashboardList(changes[DASHBOARD_LIST_KEY]?.newValue);
    if (following && list) adopt(list);
  };
  const fromStored = () => {
    void stored().then((follow) => {
      if (following && !kept) stopStored = follow(show);
    });
  };

  session.onChanged.addListener(onChanged);
  void session
    .get(DASHBOARD_LIST_KEY)
    .catch(() => ({}) as Record<string, unknown>)
    .then((items) => {
      if (!following || kept) return;
      const list = readDashboardList(items[DASHBOARD_LIST_KEY]);
      if (list) adopt(list);
      else fromStored();
    });
  return () => {
    following = false;
    session.onChanged.removeListener(onChanged);
    stopStored?.();
  };
}
