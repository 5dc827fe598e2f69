import { deadlineRuleSchema, type Policy, ukRegionSchema, workingHoursSchema } from '../policy/schema';
import * as z from '../schema/zod';
import { officialBankHolidaysSchema } from './holidays';

const isoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });
const name = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

const closuresSchema = z.array(z.object({ date: isoDate, name: z.optional(name) }));
const additionsSchema = z.array(z.object({ date: isoDate, name }));
const removalsSchema = z.array(isoDate);

/**
 * An organisation's working calendar. The policy supplies region, hours and
 * deadline rule; the organisation adds its own closures, and can enter a
 * one-off holiday (a proclaimed bank holiday, a state funeral) announced after
 * release, or mark a date as a working day after all.
 */
export const calendarSettingsSchema = z.object({
  region: ukRegionSchema,
  /** The organisation's own closure dates. */
  closures: z._default(closuresSchema, []),
  /** Extra non-working days, each named, e.g. a proclaimed holiday. */
  additions: z._default(additionsSchema, []),
  /** Dates that are working days after all, whatever the other rules say. */
  removals: z._default(removalsSchema, []),
  workingHours: workingHoursSchema,
  deadlineRule: deadlineRuleSchema,
  /** The official GOV.UK list, where imported; it overrides date-holidays for each year it covers. */
  officialHolidays: z.optional(officialBankHolidaysSchema),
});
export type CalendarSettings = z.infer<typeof calendarSettingsSchema>;

/**
 * Only the calendar fields someone set, over the policy's calendar. No field
 * has a default here: an empty list filled in would count as set, and would
 * hide the organisation's closures behind the user's change of region.
 */
export const calendarChangesSchema = z.object({
  region: z.optional(ukRegionSchema),
  closures: z.optional(closuresSchema),
  additions: z.optional(additionsSchema),
  removals: z.optional(removalsSchema),
  workingHours: z.optional(workingHoursSchema),
  deadlineRule: z.optional(deadlineRuleSchema),
  officialHolidays: z.optional(officialBankHolidaysSchema),
});
export type CalendarChanges = z.infer<typeof calendarChangesSchema>;

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
