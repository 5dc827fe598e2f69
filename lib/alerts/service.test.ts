import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Clock } from '../clock';
import { type Escalation, startEscalation } from '../escalation';
import { accepted, draft, socialWorker, startContextAt } from '../escalation/testing';
import type { LocalArea } from '../storage/area';
import { EscalationStore } from '../storage/store';
import { fakeAreas } from '../storage/testing';
import { DEADLINE_ALARM, DeadlineAlertService, type NotificationsApi } from './service';

/** `count` escalations started Mon 2 Nov 2026 10:30, stored as a restored backup would put them. */
async function storeMany(count: number, prefix = 'esc') {
  const items: Record<string, Escalation> = {};
  for (let index = 0; index < count; index++) {
    const id = `${prefix}-${index}`;
    items[`escalation:${id}`] = accepted(
      startEscalation(
        { ...draft, child: { ...draft.child, recordId: `LCS-${index}` } },
        { ...startContextAt('2026-11-02T10:45:00Z'), newId: () => id },
      ),
    );
  }
  await fakeBrowser.storage.local.set({ storageVersion: 1, ...items });
}

const shownNotifications = () => Object.values(fakeBrowser.notifications.getAllCreateOptions());
const handledKeys = async () =>
  ((await fakeBrowser.storage.local.get('notificationsHandled')).notificationsHandled ?? []) as string[];

const area = () => fakeBrowser.storage.local as unknown as LocalArea;

/** A clock standing at `now`, an hour ahead of real time, as the test builds' clock can be. */
function clockAt(now: string): Clock {
  const offset = new Date(now).getTime() - Date.now();
  return { now: () => new Date(now), realTimeOf: (instant) => instant.getTime() - offset };
}

function serviceAt(
  now: string,
  clock = clockAt(now),
  notifications: NotificationsApi = fakeBrowser.notifications,
) {
  return new DeadlineAlertService({
    area: area(),
    managed: fakeAreas().managed,
    action: fakeBrowser.action,
    notifications,
    alarms: fakeBrowser.alarms,
    clock,
    iconUrl: 'icon/128.png',
  });
}

async function startAt(now: string) {
  let ids = 0;
  const store = new EscalationStore({
    area: area(),
    managed: fakeAreas().managed,
    now: () => new Date(now),
    newId: () => `esc-${++ids}`,
  });
  return { store, escalation: await store.startEscalation(draft, socialWorker) };
}

describe('DeadlineAlertService', () => {
  it('shows an overdue escalation in red, in words, and clears when it is resolved', async () => {
    // Started Mon 2 Nov 10:30; step 1a was due Tue 3 Nov 17:00.
    const { store, escalation } = await startAt('2026-11-02T10:45:00Z');
    await serviceAt('2026-11-04T10:00:00Z').refresh();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([179, 38, 30, 255]);
    expect(await fakeBrowser.action.getTitle({})).toBe('Escalation overlay: 1 overdue');

    await store.changeEscalation(
      escalation.id,
      escalation.revision,
      { kind: 'withdraw', input: { reason: 'Agreed informally.' } },
      socialWorker,
    );
    await serviceAt('2026-11-04T10:01:00Z').refresh();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('sets an alarm for the next change, in real time, and clears it when nothing is pending', async () => {
    await startAt('2026-11-02T10:45:00Z');
    const now = '2026-11-02T11:00:00Z';
    const clock = clockAt(now);
    await serviceAt(now, clock).refresh();
    const alarm = await fakeBrowser.alarms.get(DEADLINE_ALARM);
    // Step 1a becomes due soon at 00:00 on Tue 3 Nov; the alarm is that moment on the real clock.
    expect(alarm?.scheduledTime).toBe(clock.realTimeOf(new Date('2026-11-03T00:00:00Z')));
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now());

    await fakeBrowser.storage.local.clear();
    await serviceAt(now).refresh();
    expect(await fakeBrowser.alarms.get(DEADLINE_ALARM)).toBeUndefined();
  });

  it('recreates a lost alarm on the next start', async () => {
    await startAt('2026-11-02T10:45:00Z');
    await serviceAt('2026-11-02T11:00:00Z').refresh();
    await fakeBrowser.alarms.clearAll();
    await serviceAt('2026-11-02T11:00:00Z').refresh();
    expect(await fakeBrowser.alarms.get(DEADLINE_ALARM)).toBeDefined();
  });

  it('notifies once per step and transition, even across restarts, naming no child', async () => {
    await startAt('2026-11-02T10:45:00Z');
    await serviceAt('2026-11-03T10:00:00Z').refresh();
    const shown = fakeBrowser.notifications.getAllCreateOptions();
    expect(Object.values(shown).map((options) => options.title)).toEqual(['Escalation step due soon']);
    expect(JSON.stringify(shown)).not.toMatch(/LCS-104233|Child A/);

    fakeBrowser.notifications.resetState();
    // A new service worker, later the same day: nothing is repeated.
    await serviceAt('2026-11-03T11:00:00Z').refresh();
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});

    await serviceAt('2026-11-04T10:00:00Z').refresh();
    expect(
      Object.values(fakeBrowser.notifications.getAllCreateOptions()).map((options) => options.title),
    ).toEqual(['Escalation step overdue']);
  });

  it('gives 2,000 steps crossing into overdue in one refresh one notification, and remembers every one', async () => {
    await storeMany(2_000);
    // Mon 2 Nov 11:00: nothing is due yet.
    await serviceAt('2026-11-02T11:00:00Z').refresh();
    expect(shownNotifications()).toEqual([]);

    // Wed 4 Nov 10:00: every step 1a (due Tue 3 Nov 17:00) is overdue at once.
    await serviceAt('2026-11-04T10:00:00Z').refresh();
    expect(shownNotifications()).toEqual([
      expect.objectContaining({
        title: 'Escalation steps overdue',
        message: '2,000 escalation steps are overdue.',
      }),
    ]);
    expect(JSON.stringify(shownNotifications())).not.toMatch(/LCS-|Child A/);
    const handled = new Set(await handledKeys());
    for (let index = 0; index < 2_000; index++) expect(handled.has(`esc-${index}|1a|overdue`)).toBe(true);

    // A new service worker (a restart), later the same day: nothing is shown again.
    fakeBrowser.notifications.resetState();
    await serviceAt('2026-11-04T11:00:00Z').refresh();
    expect(shownNotifications()).toEqual([]);
  });

  it('gives one step its own words, and one more step later its own again', async () => {
    await storeMany(1);
    await serviceAt('2026-11-04T10:00:00Z').refresh();
    expect(shownNotifications()).toEqual([
      expect.objectContaining({
        title: 'Escalation step overdue',
        message: 'An escalation at stage 1 is overdue by 17 hours (was due Tue 3 Nov 2026, 17:00).',
      }),
    ]);
  });

  it('holds the evening’s notifications until working hours start, then shows one summary', async () => {
    await storeMany(5);
    const evening = '2026-11-03T19:00:00Z';
    const clock = clockAt(evening);
    await serviceAt(evening, clock).refresh();
    expect(shownNotifications()).toEqual([]);
    expect(await handledKeys()).toEqual([]);
    // The alarm is set for 09:00 on Wed 4 Nov, when working hours start.
    expect((await fakeBrowser.alarms.get(DEADLINE_ALARM))?.scheduledTime).toBe(
      clock.realTimeOf(new Date('2026-11-04T09:00:00Z')),
    );

    await serviceAt('2026-11-04T09:00:00Z').refresh();
    expect(shownNotifications()).toEqual([
      expect.objectContaining({ message: '5 escalation steps are overdue.' }),
    ]);
    expect(await handledKeys()).toHaveLength(10);
    fakeBrowser.notifications.resetState();
    await serviceAt('2026-11-04T09:30:00Z').refresh();
    expect(shownNotifications()).toEqual([]);
  });

  it('sets the badge whatever notifications do: one that never finishes holds no later badge back', async () => {
    await storeMany(3);
    const stuck: NotificationsApi = { create: () => new Promise(() => undefined) };
    const service = serviceAt('2026-11-04T10:00:00Z', undefined, stuck);
    fakeBrowser.storage.local.onChanged.addListener((changes) => service.noteChanges(changes));
    void service.refresh();
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('3'));

    await storeMany(1, 'later');
    void service.refresh();
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('4'));
  });

  it('reads storage whole once, then follows the changes it hears, and whole again when asked', async () => {
    await storeMany(2);
    const local = area();
    let wholeReads = 0;
    const counting: LocalArea = {
      ...local,
      get: (keys) => {
        if (keys === null) wholeReads++;
        return local.get(keys);
      },
      set: (items) => local.set(items),
      remove: (keys) => local.remove(keys),
    };
    const service = new DeadlineAlertService({
      area: counting,
      managed: fakeAreas().managed,
      action: fakeBrowser.action,
      notifications: fakeBrowser.notifications,
      alarms: fakeBrowser.alarms,
      clock: clockAt('2026-11-04T10:00:00Z'),
      iconUrl: 'icon/128.png',
    });
    fakeBrowser.storage.local.onChanged.addListener((changes) => service.noteChanges(changes));
    await service.refresh();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');

    await storeMany(1, 'later');
    await fakeBrowser.storage.local.remove('escalation:esc-0');
    await service.refresh();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(wholeReads).toBe(1);
    expect(await fakeBrowser.action.getTitle({})).toBe('Escalation overlay: 2 overdue');

    await service.refresh({ rereadAll: true });
    expect(wholeReads).toBe(2);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
  });
});
