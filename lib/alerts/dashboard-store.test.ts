import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { draft, socialWorker } from '../escalation/testing';
import { defaultSettings } from '../settings';
import { DASHBOARD_LIST_KEY } from '../storage/keys';
import { storedDataSource } from '../storage/reader';
import { EscalationStore } from '../storage/store';
import { fakeAreas, fakeChanges } from '../storage/testing';
import { type DashboardList, dashboardRowsAt } from './dashboard';
import { dashboardListOf, followStoredList } from './dashboard-list';
import {
  type FollowList,
  followDashboardList,
  keepDashboardList,
  readDashboardList,
  type SessionArea,
} from './dashboard-store';
import { DeadlineAlertService } from './service';

const session = (): SessionArea => fakeBrowser.storage.session;
// Wed 4 Nov 2026, 10:00: step 1a of the example escalation was due Tue 3 Nov, 17:00.
const now = new Date('2026-11-04T10:00:00Z');

function service() {
  return new DeadlineAlertService({
    area: fakeAreas().local,
    managed: fakeAreas().managed,
    action: fakeBrowser.action,
    notifications: fakeBrowser.notifications,
    alarms: fakeBrowser.alarms,
    clock: { now: () => now, realTimeOf: (instant) => instant.getTime() },
    iconUrl: 'icon/128.png',
    session: session(),
  });
}

/** A store whose escalations are named after their records, and one started for each record. */
async function started(recordIds: string[]) {
  const storeFor = (recordId: string) =>
    new EscalationStore({
      area: fakeAreas().local,
      managed: fakeAreas().managed,
      now: () => new Date('2026-11-02T10:45:00Z'),
      newId: () => `esc-${recordId}`,
    });
  const escalations = [];
  for (const recordId of recordIds) {
    const escalation = await storeFor(recordId).startEscalation(
      { ...draft, child: { ...draft.child, recordId } },
      socialWorker,
    );
    escalations.push(escalation);
  }
  return { store: storeFor(''), escalations };
}

const keptList = async () =>
  readDashboardList((await fakeBrowser.storage.session.get(DASHBOARD_LIST_KEY))[DASHBOARD_LIST_KEY]);

describe('the popup’s list in storage.session', () => {
  it('is kept by the badge’s recompute, from the same reading, under the user’s names setting', async () => {
    await started(['C-1']);
    await fakeBrowser.storage.local.set({ settings: { showChildNames: true } });
    await service().refresh();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    const list = await keptList();
    expect(list && dashboardRowsAt(list, now)).toEqual([
      {
        escalationId: 'esc-C-1',
        child: 'Child A, Liquidlogic LCS',
        recordUrl: draft.child.recordUrl,
        stage: 1,
        stepTitle: expect.any(String),
        deadline: {
          dueAt: new Date('2026-11-03T17:00:00Z'),
          state: 'overdue',
          timeToDeadline: 'overdue by 17 hours',
        },
      },
    ]);
    expect(await fakeBrowser.storage.local.get(null)).not.toHaveProperty(DASHBOARD_LIST_KEY);
  });

  it('is written only when it changed', async () => {
    const { store, escalations } = await started(['C-1', 'C-2']);
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    await service().refresh();
    await service().refresh();
    expect(set).toHaveBeenCalledTimes(1);

    const [first] = escalations;
    if (!first) throw new Error('no escalation started');
    await store.changeEscalation(
      first.id,
      first.revision,
      { kind: 'withdraw', input: { reason: 'Agreed informally.' } },
      socialWorker,
    );
    await service().refresh();
    expect(set).toHaveBeenCalledTimes(2);
    expect((await keptList())?.escalations.map((listed) => listed.escalationId)).toEqual(['esc-C-2']);
  });

  it('is taken away, not left stale, when it cannot be written', async () => {
    const list = dashboardListOf([], defaultSettings);
    await keepDashboardList(session(), list);
    const refusing: SessionArea = {
      ...session(),
      get: (key) => fakeBrowser.storage.session.get(key),
      remove: (key) => fakeBrowser.storage.session.remove(key),
      onChanged: fakeBrowser.storage.session.onChanged,
      set: async () => {
        throw new Error('quota exceeded');
      },
    };
    await expect(keepDashboardList(refusing, { ...list, leadWorkingDays: 2 })).rejects.toThrow(
      'quota exceeded',
    );
    expect(await fakeBrowser.storage.session.get(DASHBOARD_LIST_KEY)).toEqual({});
  });

  it.each([
    ['nothing', undefined],
    ['an object rather than its text', dashboardListOf([], defaultSettings)],
    ['text that is not JSON', '{"calendars": ['],
    ['JSON of another shape', '{"escalations": "not a list"}'],
    [
      'an escalation with a malformed deadline',
      JSON.stringify({
        leadWorkingDays: 0,
        calendars: [],
        escalations: [
          {
            escalationId: 'e',
            child: 'Record 1',
            stage: 1,
            stepTitle: 'Talk',
            deadline: { dueAt: 'Tuesday', calendar: 0 },
          },
        ],
      }),
    ],
  ])('is not read from %s', (_what, stored) => {
    expect(readDashboardList(stored)).toBeUndefined();
  });
});

describe('followDashboardList', () => {
  // As the popup wires it: the working out is loaded, and storage read, only when asked for.
  const stored = async (): Promise<FollowList> => (show) =>
    followStoredList(storedDataSource(fakeAreas(), fakeChanges()), show);

  function follow(from: () => Promise<FollowList> = stored) {
    const shown: DashboardList[] = [];
    const stop = followDashboardList(session(), from, (list) => shown.push(list));
    return { shown, stop, last: () => shown.at(-1) };
  }

  it('shows the kept list, and never reads every escalation', async () => {
    await started(['C-1']);
    await service().refresh();
    const everything = vi.fn(stored);
    const popup = follow(everything);
    await vi.waitFor(() => expect(popup.shown).toHaveLength(1));
    expect(popup.last()).toEqual(await keptList());
    expect(everything).not.toHaveBeenCalled();
    popup.stop();
  });

  it('works the list out from storage until the background keeps one, then follows that alone', async () => {
    const { escalations } = await started(['C-1']);
    const popup = follow();
    await vi.waitFor(() => expect(popup.last()?.escalations).toHaveLength(1));
    expect(popup.last()).toEqual(dashboardListOf(escalations, defaultSettings));

    await started(['C-2']);
    await vi.waitFor(() => expect(popup.last()?.escalations).toHaveLength(2));
    await service().refresh();
    expect(popup.last()).toEqual(await keptList());
    const heard = popup.shown.length;

    // From here a write to storage.local alone no longer reaches the popup: the background's list does.
    await fakeBrowser.storage.local.set({ settings: { showChildNames: true } });
    await new Promise((settled) => setTimeout(settled, 10));
    expect(popup.shown).toHaveLength(heard);
    await service().refresh();
    expect(popup.last()?.escalations[0]?.child).toBe('Child A, Liquidlogic LCS');
    popup.stop();
  });

  it('ignores a kept list it cannot read, and works the list out from storage', async () => {
    const { escalations } = await started(['C-1']);
    await fakeBrowser.storage.session.set({ [DASHBOARD_LIST_KEY]: '{"escalations": "not a list"}' });
    const popup = follow();
    await vi.waitFor(() => expect(popup.last()).toEqual(dashboardListOf(escalations, defaultSettings)));
    popup.stop();
  });

  it('tells the popup nothing once stopped', async () => {
    await started(['C-1']);
    const popup = follow();
    popup.stop();
    await service().refresh();
    await new Promise((settled) => setTimeout(settled, 10));
    expect(popup.shown).toEqual([]);
  });
});
