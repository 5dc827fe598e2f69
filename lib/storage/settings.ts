import { z } from 'zod';
import { calendarSettingsSchema } from '../calendar';

const optionalText = z.string().trim().max(200).optional();

/** The practitioner's own details, used to prefill new escalations and sign records. */
export const profileSchema = z.object({
  name: optionalText,
  role: optionalText,
  agency: optionalText,
  team: optionalText,
  contact: optionalText,
});
export type Profile = z.infer<typeof profileSchema>;

export const DEFAULT_RETENTION_DAYS = 30;

/** The user's settings: one stored shape, every field defaulted so an empty store reads as the defaults. */
export const settingsSchema = z.object({
  profile: profileSchema.default({}),
  /** The policy new escalations start under. */
  activePolicy: z
    .object({ id: z.string().min(1), version: z.string().min(1) })
    .default({ id: 'pan-berkshire', version: 'March 2026' }),
  /** The organisation's calendar on top of the policy's own. */
  calendar: calendarSettingsSchema.partial().default({}),
  /** How many working days ahead a step counts as due soon (0: due on the current working day). */
  dueSoonLeadWorkingDays: z.number().int().min(0).max(10).default(0),
  notifications: z
    .object({ enabled: z.boolean().default(true), workingHoursOnly: z.boolean().default(true) })
    .default({ enabled: true, workingHoursOnly: true }),
  /** Days an ended escalation is kept before it is deleted from the extension. */
  retentionDays: z.number().int().min(1).max(3650).default(DEFAULT_RETENTION_DAYS),
  /** Child names are not shown (or kept) unless the user opts in; the record id is enough. */
  showChildNames: z.boolean().default(false),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});
