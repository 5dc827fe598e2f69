import { z } from 'zod';
import type { Clock } from '../clock';
import { readManagedArea } from '../settings';
import type { LocalArea, ManagedArea } from '../storage/area';
import { storageKeys } from '../storage/layout';
import { WriteLock } from '../storage/lock';
import { readStoredData } from '../storage/snapshot';
import { dashboardListOf } from './dashboard';
import { keepDashboardList, type SessionArea } from './dashboard-store';
import {
  alertsAt,
  badgeFor,
  escalationIdOf,
  nextAlertChange,
  nextStepsDue,
  planNotifications,
} from './deadline-alerts';

export interface ActionApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setBadgeTextColor?(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

export interface NotificationsApi {
  create(
    id: string,
    options: { type: 'basic'; iconUrl: string; title: string; message: string },
  ): Promise<string>;
}

export interface OneShotAlarms {
  create(name: string, info: { when: number }): void | Promise<void>;
  clear(name: string): Promise<boolean>;
}

/** The alarm for the next moment any escalation's state changes. */
export const DEADLINE_ALARM = 'deadline-change';
/** The periodic alarm that catches anything a lost or delayed alarm missed. */
export const SAFETY_ALARM = 'deadline-safety';
export const SAFETY_PERIOD_MINUTES = 15;

const handledSchema = z.array(z.string());

export interface AlertServiceOptions {
  area: LocalArea;
  managed: ManagedArea;
  action: ActionApi;
  notifications: NotificationsApi;
  alarms: OneShotAlarms;
  clock: Clock;
  iconUrl: string;
  /** Where the popup's list is kept (./dashboard-store); without it, only the badge and alerts are kept. */
  session?: SessionArea;
}

/**
 * Keeps the toolbar badge, its title, notifications, the next alarm and the
 * popup's list right. It keeps nothing in memory between runs (the service
 * worker may stop at any time): each refresh reads storage, works everything
 * out from `lib/`, and remembers sent notifications in storage so a restart
 * never repeats one.
 */
export class DeadlineAlertService {
  private readonly lock = new WriteLock();

  constructor(private readonly options: AlertServiceOptions) {}

  refresh(): Promise<void> {
    return this.lock.run(() => this.recompute());
  }

  private async recompute(): Promise<void> {
    const { area, managed, action, notifications, alarms, clock, iconUrl, session } = this.options;
    const now = clock.now();
    const [snapshot, organisation] = await Promise.all([area.get(null), readManagedArea(managed)]);
    const { escalations, settings } = readStoredData(snapshot, organisation);
    const due = nextStepsDue(escalations, settings);
    const lead = settings.dueSoonLeadWorkingDays;
    const alerts = alertsAt(due, now, lead);

    const badge = badgeFor(alerts, lead);
    await action.setBadgeText({ text: badge.text });
    await action.setBadgeBackgroundColor({ color: badge.backgroundColor });
    await action.setBadgeTextColor?.({ color: badge.textColor });
    await action.setTitle({ title: badge.title });
    if (session) await keepDashboardList(session, dashboardListOf(escalations, settings, due));

    const stored = handledSchema.safeParse(snapshot[storageKeys.notificationsHandled]);
    const handled = new Set(stored.success ? stored.data : []);
    const plan = planNotifications(alerts, handled, settings, now);
    for (const notification of plan.show) {
      await notifications.create(notification.key, {
        type: 'basic',
        iconUrl,
        title: notification.title,
        message: notification.message,
      });
    }
    // Only keys of escalations still open are kept, so the list cannot grow without bound.
    const open = new Set(escalations.filter((escalation) => escalation.status === 'open').map((e) => e.id));
    const remembered = [...handled, ...plan.handled].filter((key) => open.has(escalationIdOf(key)));
    if (plan.handled.length > 0 || remembered.length !== handled.size) {
      await area.set({ [storageKeys.notificationsHandled]: remembered });
    }

    const changes = [nextAlertChange(alerts, now, lead), plan.deferredUntil].filter(
      (moment): moment is Date => moment !== undefined,
    );
    if (changes.length === 0) {
      await alarms.clear(DEADLINE_ALARM);
      return;
    }
    const next = Math.min(...changes.map((moment) => clock.realTimeOf(moment)));
    // Never in the past: a moment already gone is checked straight away.
    await alarms.create(DEADLINE_ALARM, { when: Math.max(next, Date.now() + 1_000) });
  }
}
