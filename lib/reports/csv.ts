import type { ReturnsRow } from './row';
import type { ReturnsSummary } from './summary';

/**
 * CSV as RFC 4180 writes it (CRLF line ends; a field holding a comma, quote
 * or line break is quoted, its quotes doubled). A text cell that a
 * spreadsheet would read as a formula (starting =, +, -, @, tab or carriage
 * return) is written with a leading apostrophe, so opening the file can never
 * run anything; numbers are written as numbers.
 */

export type Cell = string | number | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

function field(cell: Cell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  const safe = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvOf(rows: readonly (readonly Cell[])[]): string {
  return rows
    .map((row) => row.map(field).join(','))
    .join('\r\n')
    .concat('\r\n');
}

/** Every step with a deadline result in any row, in stage order. */
function stepsIn(rows: readonly ReturnsRow[]): { id: string; stage: number }[] {
  const steps = new Map<string, number>();
  for (const row of rows) for (const deadline of row.deadlines) steps.set(deadline.stepId, deadline.stage);
  return [...steps]
    .map(([id, stage]) => ({ id, stage }))
    .sort((a, b) => a.stage - b.stage || a.id.localeCompare(b.id, 'en-GB', { numeric: true }));
}

/** One anonymised row per escalation, oldest first, with a column per step's deadline. */
export function rowsCsv(rows: readonly ReturnsRow[]): string {
  const steps = stepsIn(rows);
  const header: Cell[] = [
    'Reference',
    'Policy',
    'Policy version',
    'Agency raising it',
    'Team',
    'Agency raised with',
    'Track',
    'Started (UK date)',
    'Status',
    'Ended (UK date)',
    'Stage reached',
    'Stage name',
    'Step reached',
    'Reason',
    'Outcome',
    'Working days taken',
    'Deadlines met',
    'Deadlines missed',
    ...steps.map((step) => `Step ${step.id} deadline`),
  ];
  const sorted = [...rows].sort(
    (a, b) => a.startedOn.localeCompare(b.startedOn) || a.reference.localeCompare(b.reference),
  );
  const lines = sorted.map((row): Cell[] => {
    const byStep = new Map(row.deadlines.map((deadline) => [deadline.stepId, deadline.met]));
    return [
      row.reference,
      row.policy.id,
      row.policy.version,
      row.raisingAgency,
      row.team,
      row.agencyRaisedWith,
      row.track,
      row.startedOn,
      row.status,
      row.endedOn,
      row.stageReached,
      row.stageName,
      `${row.stepReached.id}: ${row.stepReached.title}`,
      row.reason.label,
      row.outcome?.label,
      row.workingDaysTaken,
      row.deadlines.filter((deadline) => deadline.met).length,
      row.deadlines.filter((deadline) => !deadline.met).length,
      ...steps.map((step) => {
        const met = byStep.get(step.id);
        return met === undefined ? undefined : met ? 'met' : 'missed';
      }),
    ];
  });
  return csvOf([header, ...lines]);
}

/** The summary: one line per count, with the period it covers. */
export function summaryCsv(summary: ReturnsSummary): string {
  const lines: Cell[][] = [
    ['Breakdown', 'Category', 'Count', 'Out of'],
    ['Period', `${summary.period.from} to ${summary.period.to}`, undefined, undefined],
    ['Escalations started', undefined, summary.started, undefined],
  ];
  for (const breakdown of summary.breakdowns) {
    for (const count of breakdown.counts)
      lines.push([breakdown.title, count.label, count.count, summary.started]);
  }
  lines.push(['Resolved', undefined, summary.resolved, summary.started]);
  lines.push([
    'Median working days to resolution',
    undefined,
    summary.medianWorkingDaysToResolution,
    summary.resolved,
  ]);
  for (const step of summary.deadlines) lines.push(['Deadlines met', step.label, step.met, step.decided]);
  return csvOf(lines);
}
