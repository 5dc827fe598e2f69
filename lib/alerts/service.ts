import type { Clock } from '../clock';
import * as z from '../schema/zod';
import type { Settings } from '../settings';
import { readManagedArea } from '../settings';
import type { LocalArea, ManagedArea, StorageChange } from '../storage/area';
import { storageKeys } from '../storage/keys';
import { WriteLock } from '../storage/lock';
import { type ParsedEntries, readStoredData } from '../storage/snapshot';
import { dashboardListOf } from './dashboard-list';
import { keepDashboardList, type SessionArea } from './dashboard-store';
import {
  alertsAt,
  badgeFor,
  type EscalationAlert,
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

/** What `notificationsHandled` holds: the ids of the notifications already shown or passed over. */
export const handledSchema = z.array(z.string());

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
 * popup's list right. Each refresh works everything out from `lib/` over
 * storage as it stands, and notified steps are remembered in storage so a
 * restart never repeats one. The service worker may stop at any time, so what
 * it holds in memory is only a copy of `storage.local`: read whole by the
 * first refresh (and the safety alarm's), then kept up to date from the
 * changes the browser reports (`noteChanges`), since reading 2,000
 * escalations whole takes a browser a third of a second.
 *
 * The badge comes first. Refreshes run one at a time, but notifications have
 * a queue of their own: a refresh sets the badge, its title, the popup's list
 * and the alarm, then hands its alerts to that queue and lets the next
 * refresh start, so a slow or failing notification never holds a badge back.
 */
export class DeadlineAlertService {
  private readonly lock = new WriteLock();
  private readonly notifying = new WriteLock();
  /** `storage.local` as last read, with the changes heard since; undefined until read whole. */
  private stored: Record<string, unknown> | undefined;
  private readonly heard: Record<string, StorageChange>[] = [];
  /** Each value in the copy parsed once: parsing 2,000 escalations takes longer than all the rest. */
  private readonly parsed: ParsedEntries = new WeakMap();

  constructor(private readonly options: AlertServiceOptions) {}

  /**
   * Every change to `storage.local`, in the order the browser reports them,
   * whether or not it calls for a refresh: the next refresh applies them to
   * its copy. A change the copy already holds (it was read meanwhile) is set
   * to the same value again, so applying them in order always ends right.
   */
  noteChanges(changes: Record<string, StorageChange>): void {
    this.heard.push(changes);
  }

  /**
   * Settles once this refresh's badge, list, alarm and notification are all
   * done; `rereadAll` drops the copy of storage and reads it whole again.
   */
  async refresh({ rereadAll = false }: { rereadAll?: boolean } = {}): Promise<void> {
    const { notified } = await this.lock.run(() => {
      if (rereadAll) this.stored = undefined;
      return this.recompute();
    });
    await notified;
  }

  private async storedNow(): Promise<Record<string, unknown>> {
    let stored = this.stored;
    if (!stored) {
      // What changed before this read is in it; what is heard from now on is applied below.
      this.heard.length = 0;
      stored = { ...(await this.options.area.get(null)) };
      this.stored = stored;
    }
    for (const changes of this.heard.splice(0)) {
      for (const [key, change] of Object.entries(changes)) {
        if (change.newValue === undefined) delete stored[key];
        else stored[key] = change.newValue;
      }
    }
    return stored;
  }

  private async recompute(): Promise<{ notified: Promise<void> }> {
    const { managed, action, alarms, clock, session } = this.options;
    const now = clock.now();
    const [snapshot, organisation] = await Promise.all([this.storedNow(), readManagedArea(managed)]);
    const { escalations, settings } = readStoredData(snapshot, organisation, this.parsed);
    const due = nextStepsDue(escalations, settings);
    const lead = settings.dueSoonLeadWorkingDays;
    const alerts = alertsAt(due, now, lead);

    const badge = badgeFor(alerts, lead);
    await action.setBadgeText({ text: badge.text });
    await action.setBadgeBackgroundColor({ color: badge.backgroundColor });
    await action.setBadgeTextColor?.({ color: badge.textColor });
    await action.setTitle({ title: badge.title });

    const open = new Set(escalations.filter((escalation) => escalation.status === 'open').map((e) => e.id));
    const notified = this.notifying.run(() => this.notify(alerts, open, settings, now));
    if (session) await keepDashboardList(session, dashboardListOf(escalations, settings, due));

    // Deferred notifications need an alarm at the opening of working hours; the queue re-plans with
    // what it has remembered by then, so a stale reading here can only set an alarm too many.
    const { deferredUntil } = planNotifications(alerts, handledIn(snapshot), settings, now);
    const changes = [nextAlertChange(alerts, now, lead), deferredUntil].filter(
      (moment): moment is Date => moment !== undefined,
    );
    if (changes.length === 0) await alarms.clear(DEADLINE_ALARM);
    else {
      const next = Math.min(...changes.map((moment) => clock.realTimeOf(moment)));
      // Never in the past: a moment already gone is checked straight away.
      await alarms.create(DEADLINE_ALARM, { when: Math.max(next, Date.now() + 1_000) });
    }
    return { notified };
  }

  /**
   * Shows at most one notification for these alerts. What it covers is
   * remembered before it is shown: should the worker stop in between, a step
   * goes unannounced rather than announced twice.
   */
  private async notify(
    alerts: readonly EscalationAlert[],
    open: ReadonlySet<string>,
    settings: Settings,
    now: Date,
  ): Promise<void> {
    const { area, notifications, iconUrl } = this.options;
    const handled = handledIn(await area.get(storageKeys.notificationsHandled));
    const plan = planNotifications(alerts, handled, settings, now);
    // Only keys of escalations still open are kept, so the list cannot grow without bound.
    const remembered = [...handled, ...plan.handled].filter((key) => open.has(escalationIdOf(key)));
    if (plan.handled.length > 0 || remembered.length !== handled.size) {
      await area.set({ [storageKeys.notificationsHandled]: remembered });
    }
    if (plan.show) {
      await notifications.create(plan.show.id, {
        type: 'basic',
        iconUrl,
        title: plan.show.title,
        message: plan.show.message,
      });
    }
  }
}

function handledIn(stored: Record<string, unknown>): Set<string> {
  const parsed = handledSchema.safeParse(stored[storageKeys.notificationsHandled]);
  return new Set(parsed.success ? parsed.data : []);
}
