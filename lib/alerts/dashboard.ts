import {
  calendarSettingsSchema,
  type DeadlineState,
  deadlineState,
  describeTimeToDeadline,
} from '../calendar';
import * as z from '../schema/zod';
import { byUrgency } from './filters';

/**
 * An open escalation as the popup lists it, less what depends on the moment
 * it is looked at: the step that must happen next and its deadline do not
 * change with the time, only whether that deadline is near or past does.
 */
const listedEscalationSchema = z.object({
  escalationId: z.string(),
  /** As the user's names setting shows the child, with the case-record system. */
  child: z.string(),
  recordUrl: z.optional(z.string()),
  stage: z.number().check(z.int()),
  stepTitle: z.string(),
  /** Absent when no deadline is pending (e.g. the last step's discussion is recorded). */
  deadline: z.optional(
    z.object({
      dueAt: z.iso.datetime(),
      /** Which of the list's calendars counts the working days to it. */
      calendar: z.number().check(z.int(), z.nonnegative()),
    }),
  ),
});

/**
 * What the popup lists, worked out by the background from the same reading as
 * the badge (./dashboard-store). Each calendar is kept once, however many
 * escalations count their deadlines by it.
 */
export const dashboardListSchema = z
  .object({
    /** The due-soon lead in working days, as the settings had it. */
    leadWorkingDays: z.number().check(z.int(), z.nonnegative()),
    calendars: z.array(calendarSettingsSchema),
    /** Every open escalation, newest first, as stored. */
    escalations: z.array(listedEscalationSchema),
  })
  .check(
    z.refine(
      (list) =>
        list.escalations.every(({ deadline }) => !deadline || deadline.calendar < list.calendars.length),
      { message: 'an escalation names a calendar the list does not have' },
    ),
  );
export type DashboardList = z.infer<typeof dashboardListSchema>;
export type ListedEscalation = DashboardList['escalations'][number];

/** One open escalation as the popup shows it at a given moment. */
export interface DashboardRow {
  escalationId: string;
  child: string;
  recordUrl?: string;
  stage: number;
  stepTitle: string;
  /** Absent when no deadline is pending. */
  deadline?: { dueAt: Date; state: DeadlineState; timeToDeadline: string };
}

/**
 * Every open escalation at `now`, most urgent first: overdue, then due soon,
 * then by deadline; those with no pending deadline last.
 */
export function dashboardRowsAt(list: DashboardList, now: Date): DashboardRow[] {
  const withDeadline: (DashboardRow & { deadline: NonNullable<DashboardRow['deadline']> })[] = [];
  const without: DashboardRow[] = [];
  for (const { deadline, ...listed } of list.escalations) {
    const calendar = deadline && list.calendars[deadline.calendar];
    if (!deadline || !calendar) {
      without.push(listed);
      continue;
    }
    const dueAt = new Date(deadline.dueAt);
    withDeadline.push({
      ...listed,
      deadline: {
        dueAt,
        state: deadlineState(dueAt, now, calendar, list.leadWorkingDays),
        timeToDeadline: describeTimeToDeadline(dueAt, now, calendar).text,
      },
    });
  }
  withDeadline.sort((a, b) => byUrgency(a.deadline, b.deadline));
  return [...withDeadline, ...without];
}
