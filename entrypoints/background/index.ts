import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ensurePeriodicAlarm } from '@/lib/alerts';
import { createMessageRouter } from '@/lib/messaging';
import { EscalationStore, restrictToTrustedContexts, storageRoutes } from '@/lib/storage';

const RETENTION_ALARM = 'retention';

export default defineBackground(() => {
  const store = new EscalationStore({
    area: browser.storage.local,
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
  });

  browser.runtime.onMessage.addListener(
    createMessageRouter(storageRoutes(store), {
      id: browser.runtime.id,
      origin: browser.runtime.getURL('/'),
    }),
  );
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void store.applyRetention();
  });

  void restrictToTrustedContexts(browser.storage.local);
  void ensurePeriodicAlarm(browser.alarms, RETENTION_ALARM, 6 * 60);
  void store.applyRetention();
});
