import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Clock } from '../clock';
import { draft, socialWorker } from '../escalation/testing';
import type { LocalArea } from '../storage/area';
import { EscalationStore } from '../storage/store';
import { fakeAreas } from '../storage/testing';
import { DEADLINE_ALARM, DeadlineAlertService } from './service';

const area = () => fakeBrowser.storage.local as unknown as LocalArea;

/** A clock standing at `now`, an hour ahead of real time, as the test builds' clock can be. */
function clockAt(now: string): Clock {
  const offset = new Date(now).getTime() - Date.now();
  return { now: () => new Date(now), realTimeOf: (instant) => instant.getTime() - offset };
}

function serviceAt(now: string, clock = clockAt(now)) {
  return new DeadlineAlertService({
    area: area(),
    managed: fakeAreas().managed,
    action: fakeBrowser.action,
    notifications: fakeBrowser.notifications,
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
});
