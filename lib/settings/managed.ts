import { calendarSettingsSchema } from '../calendar/settings';
import { describeProblems } from '../messaging';
import { parsePolicy } from '../policy/parse';
import { deadlineRuleSchema, type Policy, ukRegionSchema, workingHoursSchema } from '../policy/schema';
import * as z from '../schema/zod';
import { contactsSchema, settingsSchema, type UserSettings } from './schema';
import { type SiteAdapter, siteAdapterSchema } from './site-adapter';

/**
 * The configuration an IT department sets through the browser's policies:
 * Chrome and Edge hand it to `storage.managed` after checking it against
 * `public/managed_schema.json`; Firefox hands over whatever `policies.json`
 * says, unchecked. So every value is checked here, one setting at a time: a bad
 * setting is ignored whole, with a warning, and never applied half-way.
 */

/** The names IT uses, in `userMayChange` and in the warnings the options page shows. */
export const managedSettingNames = [
  'policy',
  'region',
  'workingHours',
  'deadlineRule',
  'closures',
  'additions',
  'dueSoonLeadWorkingDays',
  'notifications',
  'retentionDays',
  'showChildNames',
  'returnsRetentionMonths',
  'notificationIncludesRecordId',
  'contacts',
  'sites',
] as const;
export type ManagedSettingName = (typeof managedSettingNames)[number];

const sitePattern = z
  .string()
  .check(z.regex(/^https?:\/\/[^/*]+\/\*$/, 'must be a site written like https://cases.example.org/*'));

export const managedSiteSchema = z.object({
  site: sitePattern,
  /** The adapter that finds the child on this site; every adapter is tried when absent. */
  adapter: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
});
export type ManagedSite = z.infer<typeof managedSiteSchema>;

const calendarFields = calendarSettingsSchema.shape;

/** Each setting IT may set, with the schema its value must pass. */
const managedFields = {
  organisationName: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  policy: z.object({ id: z.string().check(z.minLength(1)), version: z.string().check(z.minLength(1)) }),
  policyJson: z.string().check(z.minLength(1), z.maxLength(1_000_000)),
  region: ukRegionSchema,
  workingHours: workingHoursSchema,
  deadlineRule: deadlineRuleSchema,
  closures: calendarFields.closures,
  additions: calendarFields.additions,
  dueSoonLeadWorkingDays: settingsSchema.shape.dueSoonLeadWorkingDays,
  notifications: settingsSchema.shape.notifications,
  retentionDays: settingsSchema.shape.retentionDays,
  showChildNames: settingsSchema.shape.showChildNames,
  returnsRetentionMonths: settingsSchema.shape.returnsRetentionMonths,
  notificationIncludesRecordId: settingsSchema.shape.notificationIncludesRecordId,
  contacts: z.strictObject(contactsSchema.shape),
  sites: z.array(managedSiteSchema).check(z.maxLength(500)),
  adapters: z.array(siteAdapterSchema).check(z.maxLength(50)),
  userMayChange: z.array(z.enum(managedSettingNames)),
} as const;
type ManagedKey = keyof typeof managedFields;
/** Every setting IT may give, as public/managed_schema.json must declare them. */
export const managedSettingKeys = Object.keys(managedFields) as ManagedKey[];
type ManagedValues = { [Key in ManagedKey]?: z.output<(typeof managedFields)[Key]> };

/** What reading `storage.managed` found: nothing yet, no organisation settings, or a raw object to check. */
export type ManagedReading =
  | { state: 'loading' }
  | { state: 'none' }
  | { state: 'found'; values: Record<string, unknown> };

/** The organisation's settings after checking, ready to lay over the user's. */
export interface OrganisationSettings {
  state: 'loading' | 'none' | 'applied';
  name?: string;
  /** Values the user may change: applied where the user has not set their own. */
  defaults: UserSettings;
  /** Values that win over the user's, shown as set by the organisation and locked. */
  enforced: UserSettings;
  /** A policy IT gave inline; available to every escalation started under it. */
  policies: Policy[];
  sites: (ManagedSite & { locked: boolean })[];
  adapters: SiteAdapter[];
  /** Settings that were ignored, each with why; shown on the options page. */
  warnings: string[];
}

const NO_ORGANISATION: OrganisationSettings = {
  state: 'none',
  defaults: {},
  enforced: {},
  policies: [],
  sites: [],
  adapters: [],
  warnings: [],
};

function isManagedKey(key: string): key is ManagedKey {
  return Object.hasOwn(managedFields, key);
}

/** Checks each setting on its own, so one bad value costs only that setting. */
function checkEach(raw: Record<string, unknown>): { values: ManagedValues; warnings: string[] } {
  const values: Record<string, unknown> = {};
  const warnings: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!isManagedKey(key)) {
      warnings.push(`“${key}” is not a setting this extension knows; it was ignored.`);
      continue;
    }
    const parsed = managedFields[key].safeParse(value);
    if (parsed.success) values[key] = parsed.data;
    else warnings.push(`“${key}” was ignored: ${describeProblems(parsed.error)}.`);
  }
  return { values: values as ManagedValues, warnings };
}

/** The organisation's policy choice: a built-in one by id, or a whole policy given inline. */
function policyChoice(
  values: ManagedValues,
  warnings: string[],
): { active?: { id: string; version: string }; policies: Policy[] } {
  if (values.policyJson === undefined)
    return values.policy ? { active: values.policy, policies: [] } : { policies: [] };
  const parsed = parsePolicy(values.policyJson);
  if (!parsed.ok) {
    const problems = parsed.problems.map((problem) => `${problem.path || 'the file'}: ${problem.message}`);
    warnings.push(`“policyJson” was ignored: ${problems.slice(0, 5).join('; ')}.`);
    return values.policy ? { active: values.policy, policies: [] } : { policies: [] };
  }
  const inline = parsed.policy;
  if (values.policy && (values.policy.id !== inline.id || values.policy.version !== inline.version)) {
    warnings.push(
      `“policy” and “policyJson” name different policies (${values.policy.id} ${values.policy.version}, ${inline.id} ${inline.version}); both were ignored.`,
    );
    return { policies: [] };
  }
  return { active: { id: inline.id, version: inline.version }, policies: [inline] };
}

/** Turns what the browser's policy gave into layers over the user's settings; never throws. */
export function organisationSettingsFrom(reading: ManagedReading): OrganisationSettings {
  if (reading.state === 'loading') return { ...NO_ORGANISATION, state: 'loading' };
  if (reading.state === 'none' || Object.keys(reading.values).length === 0) return NO_ORGANISATION;

  const { values, warnings } = checkEach(reading.values);
  const mayChange = new Set<ManagedSettingName>(values.userMayChange ?? []);
  const { active, policies } = policyChoice(values, warnings);

  const settings: UserSettings = {};
  if (active) settings.activePolicy = active;
  const calendar = {
    region: values.region,
    workingHours: values.workingHours,
    deadlineRule: values.deadlineRule,
    closures: values.closures,
    additions: values.additions,
  };
  const calendarNames = ['region', 'workingHours', 'deadlineRule', 'closures', 'additions'] as const;
  for (const name of [
    'dueSoonLeadWorkingDays',
    'notifications',
    'retentionDays',
    'showChildNames',
    'returnsRetentionMonths',
    'notificationIncludesRecordId',
  ] as const) {
    if (values[name] !== undefined) Object.assign(settings, { [name]: values[name] });
  }

  const defaults: UserSettings = {};
  const enforced: UserSettings = {};
  const layerFor = (name: ManagedSettingName) => (mayChange.has(name) ? defaults : enforced);
  for (const [key, value] of Object.entries(settings)) {
    const name = key === 'activePolicy' ? 'policy' : (key as ManagedSettingName);
    Object.assign(layerFor(name), { [key]: value });
  }
  for (const name of calendarNames) {
    if (calendar[name] === undefined) continue;
    const layer = layerFor(name);
    layer.calendar = { ...layer.calendar, [name]: calendar[name] };
  }
  if (values.contacts && Object.keys(values.contacts).length > 0)
    layerFor('contacts').contacts = values.contacts;

  return {
    state: 'applied',
    ...(values.organisationName ? { name: values.organisationName } : {}),
    defaults,
    enforced,
    policies,
    sites: (values.sites ?? []).map((site) => ({ ...site, locked: !mayChange.has('sites') })),
    adapters: values.adapters ?? [],
    warnings,
  };
}

/** Reads `storage.managed`. Firefox rejects when no policy names the extension, which means none. */
export async function readManagedArea(area: {
  get(keys?: null): Promise<Record<string, unknown>>;
}): Promise<ManagedReading> {
  try {
    return { state: 'found', values: await area.get(null) };
  } catch {
    return { state: 'none' };
  }
}
