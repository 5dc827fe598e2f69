import { describe, expect, it } from 'vitest';
import { calendarFor } from '../calendar';
import { panBerkshirePolicy } from '../policy';
import { defaultSettings, type Settings } from '../settings';
import {
  BADGE_AMBER,
  BADGE_RED,
  badgeFor,
  type EscalationAlert,
  nextAlertChange,
  nextWorkingHoursStart,
  notificationKey,
  notificationTarget,
  planNotifications,
} from './deadline-alerts';
import { byUrgency } from './filters';

const calendar = calendarFor(panBerkshirePolicy);
const at = (iso: string) => new Date(iso);

function alert(
  escalationId: string,
  state: EscalationAlert['state'],
  dueAt: string,
  stage = 1,
): EscalationAlert {
  return {
    escalationId,
    stage,
    stepId: stage === 1 ? '1a' : String(stage),
    stepTitle: 'A step',
    dueAt: at(dueAt),
    state,
    timeToDeadline: state === 'overdue' ? 'overdue by 3 hours' : 'due today at 17:00',
    recordUrl: 'https://records.example/person/1',
    calendar,
  };
}

describe('badgeFor', () => {
  it.each([
    [[], '', BADGE_AMBER, 'no escalation steps due or overdue'],
    [['upcoming'], '', BADGE_AMBER, 'no escalation steps due or overdue'],
    [['due-soon', 'upcoming'], '1', BADGE_AMBER, '1 due today'],
    [['due-soon', 'due-soon'], '2', BADGE_AMBER, '2 due today'],
    [['overdue'], '1', BADGE_RED, '1 overdue'],
    [['overdue', 'overdue', 'due-soon', 'upcoming'], '3', BADGE_RED, '2 overdue, 1 due today'],
  ] as const)('for %j shows "%s"', (states, text, colour, words) => {
    const badge = badgeFor(
      states.map((state, index) => alert(`e${index}`, state, '2026-11-03T17:00:00Z')),
      0,
    );
    expect(badge).toMatchObject({ text, backgroundColor: colour });
    expect(badge.title).toBe(`Escalation overlay: ${words}`);
  });

  it('says "due soon" when the lead reaches beyond today', () => {
    expect(badgeFor([alert('e', 'due-soon', '2026-11-04T17:00:00Z')], 1).title).toBe(
      'Escalation overlay: 1 due soon',
    );
  });

  it('never names a child or a record', () => {
    const { title } = badgeFor([alert('LCS-104233', 'overdue', '2026-11-03T17:00:00Z')], 0);
    expect(title).not.toContain('LCS-104233');
  });
});

describe('byUrgency', () => {
  it('puts overdue first, then due soon, then the earliest deadline', () => {
    const sorted = [
      alert('later', 'upcoming', '2026-11-10T17:00:00Z'),
      alert('soon', 'due-soon', '2026-11-03T17:00:00Z'),
      alert('sooner', 'upcoming', '2026-11-05T17:00:00Z'),
      alert('late', 'overdue', '2026-11-02T17:00:00Z'),
      alert('later-late', 'overdue', '2026-11-03T09:00:00Z'),
    ].sort(byUrgency);
    expect(sorted.map((entry) => entry.escalationId)).toEqual([
      'late',
      'later-late',
      'soon',
      'sooner',
      'later',
    ]);
  });
});

describe('nextAlertChange', () => {
  const now = at('2026-11-02T12:00:00Z');

  it('is the start of the day a step becomes due soon, or just after a deadline', () => {
    expect(nextAlertChange([alert('e', 'upcoming', '2026-11-04T17:00:00Z')], now, 0)).toEqual(
      at('2026-11-04T00:00:00Z'),
    );
    expect(nextAlertChange([alert('e', 'due-soon', '2026-11-02T17:00:00Z')], now, 0)).toEqual(
      at('2026-11-02T17:00:00.001Z'),
    );
  });

  it('takes the earliest change and ignores what is already overdue', () => {
    const alerts = [
      alert('a', 'overdue', '2026-11-02T09:00:00Z'),
      alert('b', 'upcoming', '2026-11-06T17:00:00Z'),
      alert('c', 'upcoming', '2026-11-03T17:00:00Z'),
    ];
    expect(nextAlertChange(alerts, now, 0)).toEqual(at('2026-11-03T00:00:00Z'));
    expect(nextAlertChange([alerts[0] as EscalationAlert], now, 0)).toBeUndefined();
  });

  it('is never in the past', () => {
    // A lead that makes it due soon from a day already begun: that boundary has passed.
    const change = nextAlertChange(
      [alert('e', 'upcoming', '2026-11-03T17:00:00Z')],
      at('2026-11-02T12:00:00Z'),
      1,
    );
    expect(change === undefined || change.getTime() > at('2026-11-02T12:00:00Z').getTime()).toBe(true);
  });
});

describe('planNotifications', () => {
  const duringHours = at('2026-11-03T10:00:00Z');
  const settings: Settings = defaultSettings;

  it('notifies once when a step becomes due soon and once when it becomes overdue', () => {
    const soon = alert('e', 'due-soon', '2026-11-03T17:00:00Z', 2);
    const first = planNotifications([soon], new Set(), settings, duringHours);
    expect(first.show).toEqual({
      id: notificationKey(soon, 'due-soon'),
      title: 'Escalation step due soon',
      message: 'An escalation at stage 2 is due today at 17:00 (Tue 3 Nov 2026, 17:00).',
    });
    const handled = new Set(first.handled);
    expect(planNotifications([soon], handled, settings, duringHours).show).toBeUndefined();

    const late = { ...soon, state: 'overdue' as const };
    const second = planNotifications([late], handled, settings, at('2026-11-04T10:00:00Z'));
    expect(second.show?.title).toBe('Escalation step overdue');
    expect(notificationTarget(second.show?.id ?? '')).toEqual({ escalationId: 'e' });
  });

  it('sends only the overdue notification for a step first seen overdue', () => {
    const late = alert('e', 'overdue', '2026-11-02T17:00:00Z');
    const plan = planNotifications([late], new Set(), settings, duringHours);
    expect(plan.show?.message).toBe(
      'An escalation at stage 1 is overdue by 3 hours (was due Mon 2 Nov 2026, 17:00).',
    );
    expect(plan.handled.sort()).toEqual(
      [notificationKey(late, 'due-soon'), notificationKey(late, 'overdue')].sort(),
    );
  });

  it('gives 2,000 steps crossing into overdue at once one summary, and counts every one as notified', () => {
    const alerts = Array.from({ length: 2_000 }, (_, index) =>
      alert(`LCS-${index}`, 'overdue', '2026-11-02T17:00:00Z', 1 + (index % 4)),
    );
    const plan = planNotifications(alerts, new Set(), settings, duringHours);
    expect(plan.show).toMatchObject({
      title: 'Escalation steps overdue',
      message: '2,000 escalation steps are overdue.',
    });
    expect(notificationTarget(plan.show?.id ?? '')).toEqual({ filter: 'overdue' });
    expect(JSON.stringify(plan.show)).not.toMatch(/LCS-|Child|records\.example/);
    const handled = new Set(plan.handled);
    for (const each of alerts) expect(handled.has(notificationKey(each, 'overdue'))).toBe(true);
    expect(planNotifications(alerts, handled, settings, duringHours)).toEqual({ handled: [] });
  });

  it('counts overdue and due-today steps in one summary, which opens both lists together', () => {
    const alerts = [
      ...['a', 'b', 'c'].map((id) => alert(id, 'overdue', '2026-11-02T17:00:00Z')),
      ...['d', 'e'].map((id) => alert(id, 'due-soon', '2026-11-03T17:00:00Z')),
      alert('f', 'upcoming', '2026-11-06T17:00:00Z'),
    ];
    const plan = planNotifications(alerts, new Set(), settings, duringHours);
    expect(plan.show?.message).toBe('3 escalation steps are overdue and 2 are due today.');
    expect(notificationTarget(plan.show?.id ?? '')).toEqual({ filter: 'due' });

    const soonOnly = planNotifications(alerts.slice(3), new Set(), settings, duringHours);
    expect(soonOnly.show).toMatchObject({
      title: 'Escalation steps due today',
      message: '2 escalation steps are due today.',
    });
    expect(notificationTarget(soonOnly.show?.id ?? '')).toEqual({ filter: 'due-soon' });

    const oneOfEach = planNotifications(
      [alerts[0], alerts[3]] as EscalationAlert[],
      new Set(),
      settings,
      duringHours,
    );
    expect(oneOfEach.show?.message).toBe('1 escalation step is overdue and 1 is due today.');
    const lead = { ...settings, dueSoonLeadWorkingDays: 2 };
    expect(planNotifications(alerts.slice(3), new Set(), lead, duringHours).show?.message).toBe(
      '2 escalation steps are due soon.',
    );
  });

  it('holds notifications back outside working hours, then gives one summary when they start', () => {
    const evening = at('2026-11-03T19:00:00Z');
    const alerts = [
      alert('a', 'due-soon', '2026-11-04T17:00:00Z'),
      alert('b', 'overdue', '2026-11-03T17:00:00Z'),
      alert('c', 'overdue', '2026-11-02T17:00:00Z'),
    ];
    const held = planNotifications(alerts, new Set(), settings, evening);
    expect(held).toEqual({ handled: [], deferredUntil: at('2026-11-04T09:00:00Z') });

    const opening = planNotifications(alerts, new Set(), settings, at('2026-11-04T09:00:00Z'));
    expect(opening.show?.message).toBe('2 escalation steps are overdue and 1 is due today.');
    expect(opening.deferredUntil).toBeUndefined();

    const anyTime = { ...settings, notifications: { enabled: true, workingHoursOnly: false } };
    expect(planNotifications(alerts.slice(0, 1), new Set(), anyTime, evening).show?.title).toBe(
      'Escalation step due soon',
    );
  });

  it('shows nothing when notifications are off, and does not save them up for later', () => {
    const off = { ...settings, notifications: { enabled: false, workingHoursOnly: true } };
    const plan = planNotifications(
      [alert('e', 'overdue', '2026-11-02T17:00:00Z')],
      new Set(),
      off,
      duringHours,
    );
    expect(plan.show).toBeUndefined();
    expect(plan.handled).toHaveLength(2);
  });
});

describe('notificationTarget', () => {
  it('tells a summary from a step, whatever an escalation id holds', () => {
    expect(notificationTarget('summary|overdue|1780000000000')).toEqual({ filter: 'overdue' });
    expect(notificationTarget('summary|1a|overdue')).toEqual({ escalationId: 'summary' });
    expect(notificationTarget('summary|everything|1780000000000')).toEqual({ escalationId: 'summary' });
    expect(notificationTarget('esc-1|2|due-soon')).toEqual({ escalationId: 'esc-1' });
  });
});

describe('nextWorkingHoursStart', () => {
  it('skips evenings, weekends and bank holidays', () => {
    expect(nextWorkingHoursStart(at('2026-11-06T18:00:00Z'), calendar)).toEqual(at('2026-11-09T09:00:00Z'));
    expect(nextWorkingHoursStart(at('2026-12-24T18:00:00Z'), calendar)).toEqual(at('2026-12-29T09:00:00Z'));
    expect(nextWorkingHoursStart(at('2026-06-01T06:00:00Z'), calendar)).toEqual(at('2026-06-01T08:00:00Z'));
  });
});
