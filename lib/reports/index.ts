/**
 * Returns for the partnership: anonymised rows per escalation, the counts a
 * board asks for over a period in UK dates, and CSV exports. Nothing here
 * holds or reads the child's identity or the concern's text.
 */
export { type Cell, csvOf, rowsCsv, summaryCsv } from './csv';
export {
  type KeptReturns,
  keptReturnsSchema,
  keptRowDeletionDue,
  keptRowsInForce,
  type ReturnsSource,
  returnsRows,
  rowOfStored,
  withKeptRows,
} from './kept';
export {
  addCalendarMonths,
  describePeriod,
  inPeriod,
  type Period,
  type PeriodChoice,
  periodChoiceSchema,
  periodFor,
  periodSchema,
} from './period';
export {
  type DeadlineResult,
  escalationReference,
  type ReturnsRow,
  type RowContext,
  returnsRowOf,
  returnsRowSchema,
} from './row';
export {
  type Breakdown,
  type Count,
  median,
  NO_TEAM_KEY,
  type ReturnsSummary,
  STILL_OPEN,
  type StepDeadlines,
  summariseReturns,
} from './summary';
