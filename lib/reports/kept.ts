import { londonInstant } from '../calendar/london';
import type { Escalation } from '../escalation';
import { findPolicy } from '../policy';
import * as z from '../schema/zod';
import type { Settings } from '../settings';
import { addCalendarMonths } from './period';
import { type ReturnsRow, returnsRowOf, returnsRowSchema } from './row';

/**
 * Rows kept after retention deleted their escalation, so a year's returns
 * stay whole. Each is kept for a set number of months after the day its
 * escalation ended, then deleted too.
 */

export const keptReturnsSchema = z.array(returnsRowSchema);
export type KeptReturns = z.infer<typeof keptReturnsSchema>;

/** When a kept row is deleted: the start (00:00, London) of the day that many months after it ended. */
export function keptRowDeletionDue(row: ReturnsRow, months: number): Date | undefined {
  return row.endedOn === undefined ? undefined : londonInstant(addCalendarMonths(row.endedOn, months), 0);
}

/** The kept rows still within their period at `now`. */
export function keptRowsInForce(rows: readonly ReturnsRow[], now: Date, months: number): ReturnsRow[] {
  return rows.filter((row) => {
    const due = keptRowDeletionDue(row, months);
    return due === undefined || due.getTime() > now.getTime();
  });
}

/** Adds rows to those kept; a row with a reference already kept replaces it. */
export function withKeptRows(kept: readonly ReturnsRow[], added: readonly ReturnsRow[]): ReturnsRow[] {
  const byReference = new Map(kept.map((row) => [row.reference, row]));
  for (const row of added) byReference.set(row.reference, row);
  return [...byReference.values()].sort(
    (a, b) => a.startedOn.localeCompare(b.startedOn) || a.reference.localeCompare(b.reference),
  );
}

/** What the rows need from the stored data. */
export interface ReturnsSource {
  escalations: readonly Escalation[];
  settings: Pick<Settings, 'importedPolicies' | 'calendar' | 'profile'>;
  keptReturns: readonly ReturnsRow[];
}

/** The row of one stored escalation, or undefined if the policy it runs under is not available. */
export function rowOfStored(
  escalation: Escalation,
  settings: ReturnsSource['settings'],
  now: Date,
): ReturnsRow | undefined {
  const policy = findPolicy(escalation.policy.id, escalation.policy.version, settings.importedPolicies);
  if (!policy) return undefined;
  return returnsRowOf(escalation, {
    policy,
    calendar: settings.calendar,
    ...(settings.profile.team ? { team: settings.profile.team } : {}),
    now,
  });
}

/**
 * Every row for the returns: one per stored escalation, as it stands at
 * `now`, and the kept rows of escalations no longer stored (a stored copy,
 * e.g. one restored from a backup, wins over its kept row).
 */
export function returnsRows(source: ReturnsSource, now: Date): ReturnsRow[] {
  const live = source.escalations.flatMap((escalation) => {
    const row = rowOfStored(escalation, source.settings, now);
    return row ? [row] : [];
  });
  const stored = new Set(live.map((row) => row.reference));
  return [...live, ...source.keptReturns.filter((row) => !stored.has(row.reference))];
}
