/** The part of `browser.alarms` needed to keep a periodic alarm alive. */
export interface AlarmsApi {
  get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): void | Promise<void>;
}

/**
 * Creates a periodic alarm unless one with that period already exists. The
 * service worker starts many times a day, and re-creating the alarm at each
 * start would keep pushing it back so that it never fired; browsers can also
 * lose alarms on restart or update, so every start checks.
 */
export async function ensurePeriodicAlarm(
  alarms: AlarmsApi,
  name: string,
  periodInMinutes: number,
): Promise<void> {
  const existing = await alarms.get(name);
  if (existing?.periodInMinutes === periodInMinutes) return;
  await alarms.create(name, { periodInMinutes, delayInMinutes: 1 });
}
