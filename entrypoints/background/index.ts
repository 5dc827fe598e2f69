import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ensurePeriodicAlarm, startDeadlineAlerts } from '@/lib/alerts';
import { clockForBuild } from '@/lib/clock';
import { createMessageRouter } from '@/lib/messaging';
import {
  followShortcutAndTabs,
  overlayRoutes,
  removeOverlayFrom,
  showPanelIn,
} from '@/lib/overlay/background';
import { runOverlayOnSites } from '@/lib/overlay/on-sites';
import { findChildIn } from '@/lib/overlay/page-scripts';
import { siteRoutes } from '@/lib/sites/background';
import { EscalationStore, LocalCopy, restrictToTrustedContexts, storageRoutes } from '@/lib/storage';

const RETENTION_ALARM = 'retention';

export default defineBackground(() => {
  let refreshAlerts = () => {};
  const { clock, ready } = clockForBuild(browser.storage.session, () => refreshAlerts());
  const store = new EscalationStore({
    area: browser.storage.local,
    managed: browser.storage.managed,
    now: () => clock.now(),
    newId: () => crypto.randomUUID(),
  });
  const opened = () => store.open();
  // One copy of storage.local for the badge and the panel's first screen.
  const local = new LocalCopy(browser.storage.local, browser.storage.local.onChanged);

  browser.runtime.onMessage.addListener(
    createMessageRouter(
      [
        ...storageRoutes(store),
        ...siteRoutes(opened, { removeOverlayFrom, showPanelIn, findChildIn }),
        ...overlayRoutes(() => local.current()),
      ],
      {
        id: browser.runtime.id,
        origin: browser.runtime.getURL('/'),
      },
    ),
  );
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void store.applyRetention();
  });
  refreshAlerts = startDeadlineAlerts(clock, ready, (tabId) => showPanelIn(tabId, true), local.area);
  runOverlayOnSites(opened);
  followShortcutAndTabs();

  void restrictToTrustedContexts(browser.storage.local);
  void ensurePeriodicAlarm(browser.alarms, RETENTION_ALARM, 6 * 60);
  void ready.then(() => store.applyRetention());
});
