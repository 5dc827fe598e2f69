import { addCalendarDays, londonDate, londonInstant } from '../calendar/london';
import type { Escalation } from '../escalation';

/** When an escalation ended (resolved or withdrawn), or undefined while it is open. */
export function endedAt(escalation: Escalation): Date | undefined {
  const at = escalation.resolution?.resolvedAt ?? escalation.withdrawal?.withdrawnAt;
  return escalation.status === 'open' || at === undefined ? undefined : new Date(at);
}

/**
 * When an ended escalation is deleted from the extension: the start (00:00,
 * London) of the day `retentionDays` after the day it ended. The case-record
 * system keeps the record of the work; the extension keeps only what the
 * deadlines need.
 */
export function deletionDue(escalation: Escalation, retentionDays: number): Date | undefined {
  const ended = endedAt(escalation);
  return ended && londonInstant(addCalendarDays(londonDate(ended), retentionDays), 0);
}

/** The escalations whose retention period is over at `now`. */
export function expiredEscalations(
  escalations: readonly Escalation[],
  now: Date,
  retentionDays: number,
): Escalation[] {
  return escalations.filter((escalation) => {
    const due = deletionDue(escalation, retentionDays);
    return due !== undefined && due.getTime() <= now.getTime();
  });
}
