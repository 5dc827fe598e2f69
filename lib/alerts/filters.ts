import type { DeadlineState } from '../calendar';
import * as z from '../schema/zod';

/**
 * The popup's lists, as its filters name them: "due" is overdue and due soon
 * together, what the badge counts and what a summary notification opens.
 */
export const dashboardFilterSchema = z.enum(['overdue', 'due-soon', 'due', 'all']);
export type DashboardFilter = z.infer<typeof dashboardFilterSchema>;

/** Whether a row in a given state (none: no deadline pending) belongs in the list. */
export function inFilter(filter: DashboardFilter, state: DeadlineState | undefined): boolean {
  if (filter === 'all') return true;
  if (filter === 'due') return state === 'overdue' || state === 'due-soon';
  return state === filter;
}

const urgency: Record<DeadlineState, number> = { overdue: 0, 'due-soon': 1, upcoming: 2 };

/** Overdue first, then due soon, then the rest; within each, the earliest deadline first. */
export function byUrgency(
  a: { state: DeadlineState; dueAt: Date },
  b: { state: DeadlineState; dueAt: Date },
): number {
  return urgency[a.state] - urgency[b.state] || a.dueAt.getTime() - b.dueAt.getTime();
}

/** The popup's address for a filtered list: the popup opened from a summary notification. */
const FILTER_PARAMETER = 'filter';
export const popupPathFor = (filter: DashboardFilter): `/popup.html${string}` =>
  `/popup.html?${FILTER_PARAMETER}=${filter}`;

/**
 * The list the popup opens on, from its own address's query ("?filter=overdue");
 * every open escalation when there is none or it is not one of ours.
 */
export function filterFromQuery(search: string): DashboardFilter {
  const parsed = dashboardFilterSchema.safeParse(new URLSearchParams(search).get(FILTER_PARAMETER));
  return parsed.success ? parsed.data : 'all';
}
