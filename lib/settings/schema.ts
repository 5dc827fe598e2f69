import { calendarChangesSchema } from '../calendar/settings';
import { policySchema } from '../policy/schema';
import * as z from '../schema/zod';

const optionalText = z.optional(z.string().check(z.trim(), z.maxLength(200)));

/** The practitioner's own details, used to prefill new escalations and sign records. */
export const profileSchema = z.object({
  name: optionalText,
  role: optionalText,
  agency: optionalText,
  team: optionalText,
  contact: optionalText,
});
export type Profile = z.infer<typeof profileSchema>;

/** Someone the policy tells the practitioner to contact, as the practitioner or their organisation knows them. */
export const contactSchema = z.object({
  name: optionalText,
  email: z.optional(z.union([z.email('must be an email address'), z.literal('')])),
  phone: optionalText,
  note: optionalText,
});
export type Contact = z.infer<typeof contactSchema>;

/** The people a practitioner contacts during an escalation, by what they are to them. */
export const contactRoles = [
  'safeguardingLead',
  'lineManager',
  'businessManager',
  'independentScrutineer',
] as const;
export type ContactRole = (typeof contactRoles)[number];

export const contactsSchema = z.object({
  safeguardingLead: z.optional(contactSchema),
  lineManager: z.optional(contactSchema),
  businessManager: z.optional(contactSchema),
  independentScrutineer: z.optional(contactSchema),
});
export type Contacts = z.infer<typeof contactsSchema>;

export const DEFAULT_RETENTION_DAYS = 30;
/** A year's returns and the month after, so the last quarter's board report can still be made. */
export const DEFAULT_RETURNS_RETENTION_MONTHS = 13;

/**
 * Every setting, as one shape. What is stored is only what the user changed
 * (`userSettingsSchema`), so an organisation's defaults and later releases'
 * defaults reach everything the user has left alone.
 */
const settingFields = {
  profile: profileSchema,
  contacts: contactsSchema,
  /** The policy new escalations start under. */
  activePolicy: z.object({ id: z.string().check(z.minLength(1)), version: z.string().check(z.minLength(1)) }),
  /** Policies the user imported; kept while any escalation runs under them. */
  importedPolicies: z.array(policySchema).check(z.maxLength(20)),
  /** The organisation's calendar on top of the policy's own. */
  calendar: calendarChangesSchema,
  /** How many working days ahead a step counts as due soon (0: due on the current working day). */
  dueSoonLeadWorkingDays: z.number().check(z.int(), z.minimum(0), z.maximum(10)),
  notifications: z.object({ enabled: z.boolean(), workingHoursOnly: z.boolean() }),
  /** Days an ended escalation is kept before it is deleted from the extension. */
  retentionDays: z.number().check(z.int(), z.minimum(1), z.maximum(3650)),
  /** Child names are not shown (or kept) unless the user opts in; the record id is enough. */
  showChildNames: z.boolean(),
  /** Months an anonymised returns row is kept after its escalation ended, once retention deleted it. */
  returnsRetentionMonths: z.number().check(z.int(), z.minimum(1), z.maximum(120)),
  /** Whether a notification to the partnership may carry the child's record id (some processes ask for it). */
  notificationIncludesRecordId: z.boolean(),
};

export const settingsSchema = z.object(settingFields);
export type Settings = z.infer<typeof settingsSchema>;
export type SettingName = keyof Settings;

/** What the user has changed; every field absent means "as the organisation or the release says". */
export const userSettingsSchema = z.partial(z.object(settingFields));
export type UserSettings = z.infer<typeof userSettingsSchema>;

/** The organisation's contact the Berkshire West partnership publishes in its policy. */
export const BERKSHIRE_WEST_BUSINESS_MANAGER: Contact = {
  name: 'Berkshire West Safeguarding Children Partnership',
  email: 'BWSCP@brightfuturesforchildren.org',
  note: 'Published in the Pan Berkshire escalation policy for questions about the policy.',
};

export const defaultSettings: Settings = {
  profile: {},
  contacts: { businessManager: BERKSHIRE_WEST_BUSINESS_MANAGER },
  activePolicy: { id: 'pan-berkshire', version: 'March 2026' },
  importedPolicies: [],
  calendar: {},
  dueSoonLeadWorkingDays: 0,
  notifications: { enabled: true, workingHoursOnly: true },
  retentionDays: DEFAULT_RETENTION_DAYS,
  showChildNames: false,
  returnsRetentionMonths: DEFAULT_RETURNS_RETENTION_MONTHS,
  notificationIncludesRecordId: false,
};
