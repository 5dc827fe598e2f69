import { z } from 'zod';
import { deadlineRuleSchema, type Policy, ukRegionSchema, workingHoursSchema } from '../policy/schema';
import { officialBankHolidaysSchema } from './holidays';

const isoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });
const name = z.string().trim().min(1, 'must not be empty');

/**
 * An organisation's working calendar. The policy supplies region, hours and
 * deadline rule; the organisation adds its own closures, and can enter a
 * one-off holiday (a proclaimed bank holiday, a state funeral) announced after
 * release, or mark a date as a working day after all.
 */
export const calendarSettingsSchema = z.object({
  region: ukRegionSchema,
  /** The organisation's own closure dates. */
  closures: z.array(z.object({ date: isoDate, name: name.optional() })).default([]),
  /** Extra non-working days, each named, e.g. a proclaimed holiday. */
  additions: z.array(z.object({ date: isoDate, name })).default([]),
  /** Dates that are working days after all, whatever the other rules say. */
  removals: z.array(isoDate).default([]),
  workingHours: workingHoursSchema,
  deadlineRule: deadlineRuleSchema,
  /** The official GOV.UK list, where imported; it overrides date-holidays for each year it covers. */
  officialHolidays: officialBankHolidaysSchema.optional(),
});
export type CalendarSettings = z.infer<typeof calendarSettingsSchema>;

/** The calendar for a policy: its region, hours and rule, with the organisation's settings on top. */
export function calendarFor(policy: Policy, overrides: Partial<CalendarSettings> = {}): CalendarSettings {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return {
    region: policy.calendar.region,
    workingHours: policy.calendar.workingHours,
    deadlineRule: policy.calendar.deadlineRule,
    closures: [],
    additions: [],
    removals: [],
    ...defined,
  };
}
