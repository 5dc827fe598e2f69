import type { Policy } from '../policy';
import { inPeriod, type Period } from './period';
import type { ReturnsRow } from './row';

/**
 * The returns for a period: how many escalations started in it, broken down
 * the ways partnership boards ask for, from the anonymised rows alone. Every
 * breakdown counts the escalations that started in the period.
 */

export interface Count {
  key: string;
  label: string;
  count: number;
}

export interface Breakdown {
  id: 'stage' | 'agency-raised-with' | 'raising-agency' | 'team' | 'reason' | 'outcome';
  title: string;
  counts: Count[];
}

export interface StepDeadlines {
  stepId: string;
  label: string;
  stage: number;
  met: number;
  /** Deadlines met or missed (those still to come are not counted). */
  decided: number;
  /** met ÷ decided, or undefined when none was decided. */
  share?: number;
}

export interface ReturnsSummary {
  period: Period;
  started: number;
  breakdowns: Breakdown[];
  resolved: number;
  /** Working days from start to resolution, the middle value over those resolved. */
  medianWorkingDaysToResolution?: number;
  deadlines: StepDeadlines[];
}

export const STILL_OPEN: Count = { key: 'open', label: 'Still open', count: 0 };
export const NO_TEAM_KEY = '(none)';

/**
 * Counts rows into buckets: the ones given first, in their order, zeros
 * included; then any others the rows hold, most first and then by name.
 */
function countBy(
  rows: readonly ReturnsRow[],
  bucketOf: (row: ReturnsRow) => { key: string; label: string },
  known: readonly { key: string; label: string }[] = [],
): Count[] {
  const counts = new Map<string, Count>(known.map((bucket) => [bucket.key, { ...bucket, count: 0 }]));
  for (const row of rows) {
    const bucket = bucketOf(row);
    const existing = counts.get(bucket.key);
    if (existing) existing.count += 1;
    else counts.set(bucket.key, { ...bucket, count: 1 });
  }
  const knownKeys = new Set(known.map((bucket) => bucket.key));
  const first = [...counts.values()].filter((count) => knownKeys.has(count.key));
  const rest = [...counts.values()]
    .filter((count) => !knownKeys.has(count.key))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return [...first, ...rest];
}

/** The middle value, or the mean of the two middle values; undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const byName = (name: string) => ({ key: name.toLocaleLowerCase('en-GB'), label: name });

function deadlinesPerStep(rows: readonly ReturnsRow[], policy?: Policy): StepDeadlines[] {
  const steps = new Map<string, StepDeadlines>(
    (policy?.steps ?? []).map((step) => [
      step.id,
      { stepId: step.id, label: `Step ${step.id}: ${step.title}`, stage: step.stage, met: 0, decided: 0 },
    ]),
  );
  for (const row of rows) {
    for (const deadline of row.deadlines) {
      let step = steps.get(deadline.stepId);
      if (!step) {
        step = {
          stepId: deadline.stepId,
          label: `Step ${deadline.stepId}: ${deadline.stepTitle}`,
          stage: deadline.stage,
          met: 0,
          decided: 0,
        };
        steps.set(deadline.stepId, step);
      }
      step.decided += 1;
      if (deadline.met) step.met += 1;
    }
  }
  return [...steps.values()]
    .sort((a, b) => a.stage - b.stage)
    .map((step) => (step.decided > 0 ? { ...step, share: step.met / step.decided } : step));
}

/**
 * The returns for the period. `policy` (the one in use) lists its stages,
 * reasons, outcomes and steps even where none was counted, so a board sees the
 * zeros; rows under another policy add their own.
 */
export function summariseReturns(
  allRows: readonly ReturnsRow[],
  period: Period,
  policy?: Policy,
): ReturnsSummary {
  const rows = allRows.filter((row) => inPeriod(row.startedOn, period));
  const resolved = rows.filter((row) => row.status === 'resolved');
  const middle = median(
    resolved.flatMap((row) => (row.workingDaysTaken === undefined ? [] : [row.workingDaysTaken])),
  );
  const stages = (policy?.stages ?? []).map((stage) => ({
    key: String(stage.number),
    label: `Stage ${stage.number}: ${stage.name}`,
  }));
  const reasons = (policy?.reasonCategories ?? []).map((reason) => ({ key: reason.id, label: reason.label }));
  // "Escalated to the next stage" is an outcome of a discussion, never how an escalation ends.
  const outcomes = (policy?.outcomes ?? [])
    .filter((outcome) => outcome.ends)
    .map((outcome) => ({ key: outcome.id, label: outcome.label }));

  return {
    period,
    started: rows.length,
    breakdowns: [
      {
        id: 'stage',
        title: 'Stage reached',
        counts: countBy(
          rows,
          (row) => ({ key: String(row.stageReached), label: `Stage ${row.stageReached}: ${row.stageName}` }),
          stages,
        ).sort((a, b) => Number(a.key) - Number(b.key)),
      },
      {
        id: 'agency-raised-with',
        title: 'Agency raised with',
        counts: countBy(rows, (row) => byName(row.agencyRaisedWith)),
      },
      {
        id: 'raising-agency',
        title: 'Agency raising it',
        counts: countBy(rows, (row) => byName(row.raisingAgency)),
      },
      {
        id: 'team',
        title: 'Team raising it',
        counts: countBy(rows, (row) =>
          row.team ? byName(row.team) : { key: NO_TEAM_KEY, label: 'No team given' },
        ),
      },
      {
        id: 'reason',
        title: 'Reason',
        counts: countBy(rows, (row) => ({ key: row.reason.id, label: row.reason.label }), reasons),
      },
      {
        id: 'outcome',
        title: 'Outcome',
        counts: countBy(
          rows,
          (row) => (row.outcome ? { key: row.outcome.id, label: row.outcome.label } : STILL_OPEN),
          [...outcomes, STILL_OPEN],
        ),
      },
    ],
    resolved: resolved.length,
    ...(middle === undefined ? {} : { medianWorkingDaysToResolution: middle }),
    deadlines: deadlinesPerStep(rows, policy),
  };
}
