import {
  type CalendarSettings,
  calendarFor,
  type DeadlineState,
  deadlineState,
  describeTimeToDeadline,
  dueSoonFrom,
  formatDateTime,
  isWorkingDay,
} from '../calendar';
import {
  addCalendarDays,
  clockTimeToMs,
  londonDate,
  londonInstant,
  londonTimeOfDay,
} from '../calendar/london';
import { type Escalation, nextStepDue } from '../escalation';
import { findPolicy, type Policy, type Step } from '../policy';
import type { Settings } from '../settings';
import { type DashboardFilter, dashboardFilterSchema } from './filters';

/** Where an open escalation's next step stands against its deadline. */
export interface EscalationAlert {
  escalationId: string;
  stage: number;
  stepId: string;
  stepTitle: string;
  dueAt: Date;
  state: DeadlineState;
  /** "due in 1 working day", "overdue by 3 hours". */
  timeToDeadline: string;
  recordUrl?: string;
  calendar: CalendarSettings;
}

/**
 * What must happen next in an open escalation and by when, under the policy it
 * is pinned to: none of it depends on the time, only whether it is overdue does.
 */
export interface StepDue {
  escalation: Escalation;
  step: Step;
  /** Absent when the step has no deadline pending. */
  dueAt?: Date;
  calendar: CalendarSettings;
}

/**
 * The next step of every open escalation, worked out once for the badge, the
 * alerts and the popup's list. Escalations whose pinned policy is not
 * available, or with nothing next, are left out rather than guessed at.
 */
export function nextStepsDue(
  escalations: readonly Escalation[],
  settings: Settings,
  policies: (id: string, version: string) => Policy | undefined = (id, version) =>
    findPolicy(id, version, settings.importedPolicies),
): StepDue[] {
  return escalations.flatMap((escalation) => {
    if (escalation.status !== 'open') return [];
    const policy = policies(escalation.policy.id, escalation.policy.version);
    const next = policy && nextStepDue(escalation, policy, settings.calendar);
    if (!policy || !next) return [];
    return [{ escalation, ...next, calendar: calendarFor(policy, settings.calendar) }];
  });
}

/** Where each next step with a deadline stands at `now`. */
export function alertsAt(steps: readonly StepDue[], now: Date, leadWorkingDays: number): EscalationAlert[] {
  return steps.flatMap(({ escalation, step, dueAt, calendar }) => {
    if (!dueAt) return [];
    return [
      {
        escalationId: escalation.id,
        stage: step.stage,
        stepId: step.id,
        stepTitle: step.title,
        dueAt,
        state: deadlineState(dueAt, now, calendar, leadWorkingDays),
        timeToDeadline: describeTimeToDeadline(dueAt, now, calendar).text,
        recordUrl: escalation.child.recordUrl,
        calendar,
      },
    ];
  });
}

export const BADGE_RED = '#B3261E';
export const BADGE_AMBER = '#F2B705';

export interface Badge {
  text: string;
  backgroundColor: string;
  textColor: string;
  /** The action's title: the badge in words, with no child's name or record id. */
  title: string;
}

const count = (amount: number, words: string) => `${amount} ${words}`;

/**
 * The toolbar badge: how many escalations have a next step due soon or
 * overdue; red when any is overdue, amber otherwise, empty when none.
 */
export function badgeFor(alerts: readonly EscalationAlert[], leadWorkingDays: number): Badge {
  const overdue = alerts.filter((alert) => alert.state === 'overdue').length;
  const dueSoon = alerts.filter((alert) => alert.state === 'due-soon').length;
  const dueWords = leadWorkingDays === 0 ? 'due today' : 'due soon';
  const parts = [
    ...(overdue > 0 ? [count(overdue, 'overdue')] : []),
    ...(dueSoon > 0 ? [count(dueSoon, dueWords)] : []),
  ];
  return {
    text: overdue + dueSoon > 0 ? String(overdue + dueSoon) : '',
    backgroundColor: overdue > 0 ? BADGE_RED : BADGE_AMBER,
    textColor: overdue > 0 ? '#FFFFFF' : '#1B1B1B',
    title:
      parts.length > 0
        ? `Escalation overlay: ${parts.join(', ')}`
        : 'Escalation overlay: no escalation steps due or overdue',
  };
}

/** Inside the calendar's working hours on a working day? */
function inWorkingHours(now: Date, calendar: CalendarSettings): boolean {
  const time = londonTimeOfDay(now);
  return (
    isWorkingDay(londonDate(now), calendar) &&
    time >= clockTimeToMs(calendar.workingHours.start) &&
    time < clockTimeToMs(calendar.workingHours.end)
  );
}

/** The next start of working hours after `now`. */
export function nextWorkingHoursStart(now: Date, calendar: CalendarSettings): Date {
  const start = clockTimeToMs(calendar.workingHours.start);
  let date = londonDate(now);
  for (;;) {
    const opening = londonInstant(date, start);
    if (opening.getTime() > now.getTime() && isWorkingDay(date, calendar)) return opening;
    date = addCalendarDays(date, 1);
  }
}

/**
 * The earliest moment after `now` at which any alert changes state: a step
 * becoming due soon, or a deadline passing. Undefined when nothing is pending.
 */
export function nextAlertChange(
  alerts: readonly EscalationAlert[],
  now: Date,
  leadWorkingDays: number,
): Date | undefined {
  const moments = alerts.flatMap((alert) => {
    if (alert.state === 'upcoming') return [dueSoonFrom(alert.dueAt, alert.calendar, leadWorkingDays)];
    // Overdue is strictly after the deadline.
    if (alert.state === 'due-soon') return [new Date(alert.dueAt.getTime() + 1)];
    return [];
  });
  const future = moments.filter((moment) => moment.getTime() > now.getTime());
  return future.length === 0 ? undefined : new Date(Math.min(...future.map((moment) => moment.getTime())));
}

/** A notification to show: its id, which says what clicking it opens, and its words. */
export interface AlertNotification {
  id: string;
  title: string;
  message: string;
}

/** One key per escalation, step and transition: each is notified once, ever. */
export const notificationKey = (
  alert: Pick<EscalationAlert, 'escalationId' | 'stepId'>,
  state: DeadlineState,
) => `${alert.escalationId}|${alert.stepId}|${state}`;

/** The escalation a handled key is about. */
export const escalationIdOf = (key: string) => key.split('|')[0] ?? '';

const SUMMARY = 'summary';
/** A summary's id: the list it opens, and the moment, so each summary is a new notification. */
const summaryId = (filter: DashboardFilter, now: Date) => `${SUMMARY}|${filter}|${now.getTime()}`;

/** What clicking a notification opens: one escalation's record, or the popup's list filtered. */
type NotificationTarget = { escalationId: string } | { filter: DashboardFilter };

export function notificationTarget(id: string): NotificationTarget {
  const [first = '', second = '', third = ''] = id.split('|');
  // A step's key ends in its state, a summary's id in digits, so the two cannot be confused.
  const filter = dashboardFilterSchema.safeParse(second);
  if (first === SUMMARY && filter.success && /^\d+$/.test(third)) return { filter: filter.data };
  return { escalationId: first };
}

export interface NotificationPlan {
  /** At most one: a step's own notification, or one summary of several. */
  show?: AlertNotification;
  /** Keys to remember as handled: shown or summarised, or passed over (turned off, or superseded by overdue). */
  handled: string[];
  /** Notifications held back until working hours start. */
  deferredUntil?: Date;
}

const number = new Intl.NumberFormat('en-GB');
const steps = (amount: number) =>
  amount === 1 ? '1 escalation step is' : `${number.format(amount)} escalation steps are`;
const more = (amount: number) => (amount === 1 ? '1 is' : `${number.format(amount)} are`);

/** "3 escalation steps are overdue and 2 are due today." */
function summaryMessage(overdue: number, dueSoon: number, dueWords: string): string {
  if (overdue > 0 && dueSoon > 0) return `${steps(overdue)} overdue and ${more(dueSoon)} ${dueWords}.`;
  return overdue > 0 ? `${steps(overdue)} overdue.` : `${steps(dueSoon)} ${dueWords}.`;
}

/**
 * Which notification to show now: at most one per refresh, so a restored
 * backup or two weeks' leave never brings a wall of them. A step becomes due
 * soon and becomes overdue once each; one step alone gets its own words, with
 * the stage; several together get one summary naming how many, which opens
 * the popup's list of them, and every step it covers counts as notified. A
 * step first seen already overdue gets only the overdue one. With
 * notifications off, transitions are marked handled so turning them on later
 * does not bring old ones; outside working hours (when the user asked for
 * that) they wait, and come as one summary when working hours start. The
 * words never name the child or the record.
 */
export function planNotifications(
  alerts: readonly EscalationAlert[],
  alreadyHandled: ReadonlySet<string>,
  settings: Settings,
  now: Date,
): NotificationPlan {
  const plan: NotificationPlan = { handled: [] };
  const due: { alert: EscalationAlert; key: string }[] = [];
  for (const alert of alerts) {
    if (alert.state === 'upcoming') continue;
    const key = notificationKey(alert, alert.state);
    if (alreadyHandled.has(key)) continue;
    const superseded =
      alert.state === 'overdue'
        ? [notificationKey(alert, 'due-soon')].filter((k) => !alreadyHandled.has(k))
        : [];
    if (!settings.notifications.enabled) {
      plan.handled.push(key, ...superseded);
      continue;
    }
    if (settings.notifications.workingHoursOnly && !inWorkingHours(now, alert.calendar)) {
      const opening = nextWorkingHoursStart(now, alert.calendar);
      if (!plan.deferredUntil || opening < plan.deferredUntil) plan.deferredUntil = opening;
      continue;
    }
    plan.handled.push(key, ...superseded);
    due.push({ alert, key });
  }

  const [only] = due;
  if (due.length === 1 && only) {
    const { alert, key } = only;
    plan.show = {
      id: key,
      title: alert.state === 'overdue' ? 'Escalation step overdue' : 'Escalation step due soon',
      message:
        alert.state === 'overdue'
          ? `An escalation at stage ${alert.stage} is ${alert.timeToDeadline} (was due ${formatDateTime(alert.dueAt)}).`
          : `An escalation at stage ${alert.stage} is ${alert.timeToDeadline} (${formatDateTime(alert.dueAt)}).`,
    };
  } else if (due.length > 1) {
    const overdue = due.filter(({ alert }) => alert.state === 'overdue').length;
    const dueSoon = due.length - overdue;
    const dueWords = settings.dueSoonLeadWorkingDays === 0 ? 'due today' : 'due soon';
    plan.show = {
      id: summaryId(dueSoon === 0 ? 'overdue' : overdue === 0 ? 'due-soon' : 'due', now),
      title: overdue > 0 ? 'Escalation steps overdue' : `Escalation steps ${dueWords}`,
      message: summaryMessage(overdue, dueSoon, dueWords),
    };
  }
  return plan;
}
