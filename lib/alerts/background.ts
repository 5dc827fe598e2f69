import { browser } from 'wxt/browser';
import type { Clock } from '../clock';
import type { LocalArea } from '../storage/area';
import { isEscalationKey, storageKeys } from '../storage/keys';
import { storedEscalations } from '../storage/snapshot';
import { ensurePeriodicAlarm } from './alarms';
import { notificationTarget } from './deadline-alerts';
import { popupPathFor } from './filters';
import { DEADLINE_ALARM, DeadlineAlertService, SAFETY_ALARM, SAFETY_PERIOD_MINUTES } from './service';

const affectsAlerts = (key: string) => isEscalationKey(key) || key === storageKeys.settings;

/**
 * Opens what a notification is about: a summary opens the popup's list,
 * filtered to the steps it counted, in a tab; a single step opens the child's
 * record with the panel open once the page has loaded, or the popup when the
 * record's address was never saved.
 */
async function openFromNotification(notificationId: string, openPanelIn: (tabId: number) => Promise<void>) {
  await browser.notifications.clear(notificationId);
  const target = notificationTarget(notificationId);
  if ('filter' in target) {
    await browser.tabs.create({ url: browser.runtime.getURL(popupPathFor(target.filter)) });
    return;
  }
  const url = storedEscalations(await browser.storage.local.get(null)).find(
    (escalation) => escalation.id === target.escalationId,
  )?.child.recordUrl;
  if (!url) {
    await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
    return;
  }
  const tab = await browser.tabs.create({ url });
  const tabId = tab.id;
  if (tabId === undefined) return;
  const onLoaded = (updatedId: number, change: { status?: string }) => {
    if (updatedId !== tabId || change.status !== 'complete') return;
    browser.tabs.onUpdated.removeListener(onLoaded);
    // A site the user has not enabled has no overlay to open; the record itself is open.
    void openPanelIn(tabId).catch(() => undefined);
  };
  browser.tabs.onUpdated.addListener(onLoaded);
}

/**
 * Wires the deadline alerts into the background. Listeners are registered
 * synchronously (the service worker may have been woken by one of them); the
 * state is recomputed at every start, install, update and browser start-up,
 * on every change to escalations or settings, and when an alarm fires.
 * `local` is `storage.local` as the background shares it (lib/storage's LocalCopy).
 */
export function startDeadlineAlerts(
  clock: Clock,
  ready: Promise<void>,
  openPanelIn: (tabId: number) => Promise<void>,
  local: LocalArea = browser.storage.local,
): () => void {
  const service = new DeadlineAlertService({
    area: local,
    managed: browser.storage.managed,
    action: browser.action,
    notifications: browser.notifications,
    alarms: browser.alarms,
    clock,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    session: browser.storage.session,
  });
  const refresh = (rereadAll = false) => {
    void ready
      .then(() => service.refresh({ rereadAll }))
      .catch((error: unknown) =>
        console.error(
          'Deadline alerts could not be updated:',
          error instanceof Error ? error.message : error,
        ),
      );
  };

  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local') service.noteChanges(changes);
    // Chrome announces a change to the organisation's settings; Firefox reads them only at start-up.
    if (area === 'managed' || (area === 'local' && Object.keys(changes).some(affectsAlerts))) refresh();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DEADLINE_ALARM) refresh();
    // Every 15 minutes storage is read whole again, should the copy have missed anything.
    if (alarm.name === SAFETY_ALARM) refresh(true);
  });
  browser.runtime.onStartup.addListener(() => refresh());
  browser.runtime.onInstalled.addListener(() => refresh());
  browser.notifications.onClicked.addListener((notificationId) => {
    void openFromNotification(notificationId, openPanelIn);
  });

  void ensurePeriodicAlarm(browser.alarms, SAFETY_ALARM, SAFETY_PERIOD_MINUTES);
  refresh();
  return () => refresh();
}
