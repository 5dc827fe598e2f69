/**
 * Working days, bank holidays and step deadlines, always in Europe/London.
 * Everything here is pure: callers pass `now`; nothing reads the clock.
 */
export {
  type DeadlineExplanation,
  type DeadlineHistory,
  deadlineAfter,
  explainDeadline,
  explainStepDeadline,
  type SkippedDay,
  type StepDeadline,
  stepDeadlines,
} from './deadlines';
export {
  type BankHoliday,
  bankHolidays,
  builtInHolidayYears,
  type OfficialBankHolidays,
  officialBankHolidaysSchema,
  parseOfficialBankHolidays,
} from './holidays';
export { type CalendarDate, formatDate, formatDateTime, formatTime } from './london';
export { type CalendarSettings, calendarFor, calendarSettingsSchema } from './settings';
export { type DeadlineState, deadlineState, describeTimeToDeadline, isDueSoon } from './status';
export {
  addWorkingDays,
  isWorkingDay,
  type NonWorkingDay,
  nonWorkingDay,
  nonWorkingReason,
  workingDaysBetween,
} from './working-days';
