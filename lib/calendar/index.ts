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
  sampleTimeline,
  stepDeadline,
  stepDeadlines,
} from './deadlines';
export {
  type BankHoliday,
  bankHolidays,
  builtInHolidayYears,
  govukHolidayYears,
  type HolidaySource,
  holidaySourceInWords,
  type OfficialBankHolidays,
  officialBankHolidaysSchema,
  officialHolidayYears,
  parseOfficialBankHolidays,
  yearsInWords,
} from './holidays';
export {
  type CalendarDate,
  clockTimeToMs,
  formatDate,
  formatDateTime,
  formatShortDate,
  formatTime,
  londonDate,
  londonInstant,
  londonTimeOfDay,
} from './london';
export {
  type CalendarChanges,
  type CalendarSettings,
  calendarChangesSchema,
  calendarFor,
  calendarSettingsSchema,
} from './settings';
export { type DeadlineState, deadlineState, describeTimeToDeadline, dueSoonFrom, isDueSoon } from './status';
export {
  addWorkingDays,
  isWorkingDay,
  type NonWorkingDay,
  nonWorkingDay,
  nonWorkingReason,
  workingDaysBetween,
} from './working-days';
