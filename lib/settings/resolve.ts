import { calendarSettingsSchema } from '../calendar/settings';
import { MessageError } from '../messaging';
import { builtInPolicies, findPolicy, type Policy } from '../policy';
import type { OrganisationSettings } from './managed';
import { type ContactRole, contactRoles, defaultSettings, type Settings, type UserSettings } from './schema';

/**
 * Where each setting's value comes from, lowest first: the release's defaults,
 * the organisation's defaults, the user's own choice, and the organisation's
 * enforced values. Calendar and contacts merge one field deeper, so an
 * organisation can fix the region and leave the working hours to the user.
 */

/** A setting a user can change on its own: a top-level setting, or one calendar field or contact. */
export type SettingPath =
  | Exclude<keyof Settings, 'calendar' | 'contacts'>
  | `calendar.${keyof NonNullable<Settings['calendar']>}`
  | `contacts.${ContactRole}`;

const definedEntries = (object: object) => Object.entries(object).filter(([, value]) => value !== undefined);

/** Every path a layer sets. */
export function pathsSetBy(layer: UserSettings): SettingPath[] {
  return definedEntries(layer).flatMap(([key, value]) =>
    key === 'calendar' || key === 'contacts'
      ? definedEntries(value as object).map(([field]) => `${key}.${field}` as SettingPath)
      : [key as SettingPath],
  );
}

function laidOver(base: Settings, layer: UserSettings): Settings {
  const { calendar, contacts, ...rest } = layer;
  return {
    ...base,
    ...Object.fromEntries(definedEntries(rest)),
    calendar: { ...base.calendar, ...Object.fromEntries(definedEntries(calendar ?? {})) },
    contacts: { ...base.contacts, ...Object.fromEntries(definedEntries(contacts ?? {})) },
  };
}

const samePolicy = (a: Policy, b: Policy) => a.id === b.id && a.version === b.version;

/** The settings everything runs by. */
export function resolveSettings(user: UserSettings, organisation: OrganisationSettings): Settings {
  const settings = [organisation.defaults, user, organisation.enforced].reduce(laidOver, defaultSettings);
  const policies = [...settings.importedPolicies];
  for (const policy of organisation.policies) {
    if (!policies.some((known) => samePolicy(known, policy))) policies.push(policy);
  }
  return { ...settings, importedPolicies: policies };
}

/** Policies the organisation names by id must exist; otherwise the choice is ignored, with a warning. */
function checkOrganisationPolicy(
  organisation: OrganisationSettings,
  user: UserSettings,
): OrganisationSettings {
  const named = organisation.enforced.activePolicy ?? organisation.defaults.activePolicy;
  if (!named) return organisation;
  const available = [...builtInPolicies, ...organisation.policies, ...(user.importedPolicies ?? [])];
  if (available.some((policy) => policy.id === named.id && policy.version === named.version))
    return organisation;
  const without = (layer: UserSettings): UserSettings => {
    const { activePolicy: _ignored, ...rest } = layer;
    return rest;
  };
  return {
    ...organisation,
    defaults: without(organisation.defaults),
    enforced: without(organisation.enforced),
    warnings: [
      ...organisation.warnings,
      `“policy” was ignored: there is no policy “${named.id}” version “${named.version}” built in or given inline.`,
    ],
  };
}

/** Every setting, for the time before the organisation's settings are known. */
const everySetting: SettingPath[] = [
  ...(Object.keys(defaultSettings) as (keyof Settings)[]).filter(
    (key): key is Exclude<keyof Settings, 'calendar' | 'contacts'> =>
      key !== 'calendar' && key !== 'contacts',
  ),
  ...Object.keys(calendarSettingsSchema.shape).map((field) => `calendar.${field}` as SettingPath),
  ...contactRoles.map((role) => `contacts.${role}` as const),
];

/** The settings the user cannot change: every one the organisation enforces; all of them until its settings are known. */
export function lockedPaths(organisation: OrganisationSettings): SettingPath[] {
  return organisation.state === 'loading' ? everySetting : pathsSetBy(organisation.enforced);
}

/** Everything a settings page needs: the settings in force, the user's own, and the organisation's part. */
export interface SettingsView {
  settings: Settings;
  user: UserSettings;
  organisation: OrganisationSettings;
  locked: SettingPath[];
}

export function settingsView(user: UserSettings, organisation: OrganisationSettings): SettingsView {
  const checked = checkOrganisationPolicy(organisation, user);
  const settings = resolveSettings(user, checked);
  return {
    // Until the organisation's settings are known, the strict choice applies where there is one.
    settings: checked.state === 'loading' ? { ...settings, showChildNames: false } : settings,
    user,
    organisation: checked,
    locked: lockedPaths(checked),
  };
}

/** Refuses a change to a setting the organisation has locked, or any change before its settings have loaded. */
export function checkUserChange(changes: UserSettings, organisation: OrganisationSettings): void {
  if (organisation.state === 'loading') {
    throw new MessageError(
      'settings-loading',
      'Your organisation’s settings have not loaded yet, so nothing was changed. Try again in a moment.',
    );
  }
  const locked = new Set(lockedPaths(organisation));
  const refused = pathsSetBy(changes).filter((path) => locked.has(path));
  if (refused.length > 0) {
    throw new MessageError(
      'setting-locked',
      `Your organisation sets ${refused.join(', ')}, so ${refused.length === 1 ? 'it' : 'they'} cannot be changed here. Nothing was saved.`,
    );
  }
}

/**
 * The user's stored settings after a change: each given setting replaces what
 * was there (calendar fields and contacts one by one), and each path in
 * `reset` goes back to the organisation's or the release's value.
 */
export function changedUserSettings(
  stored: UserSettings,
  changes: UserSettings,
  reset: readonly SettingPath[] = [],
): UserSettings {
  const next: UserSettings = {
    ...stored,
    ...Object.fromEntries(definedEntries(changes)),
    calendar: { ...stored.calendar, ...changes.calendar },
    contacts: { ...stored.contacts, ...changes.contacts },
  };
  for (const path of reset) {
    const [key, field] = path.split('.') as [keyof UserSettings, string | undefined];
    if (field === undefined) delete next[key];
    else delete (next[key] as Record<string, unknown> | undefined)?.[field];
  }
  if (Object.keys(next.calendar ?? {}).length === 0) delete next.calendar;
  if (Object.keys(next.contacts ?? {}).length === 0) delete next.contacts;
  return next;
}

/** A policy by id and version, as an escalation pins it. */
export interface PolicyRef {
  id: string;
  version: string;
}

const available = (settings: Settings, ref: PolicyRef) =>
  findPolicy(ref.id, ref.version, settings.importedPolicies) !== undefined;

/**
 * Why a change of settings would take away a policy that is still needed: by
 * a stored escalation pinned to it, or as the one new escalations start under.
 * Undefined when it takes none away.
 */
export function policyTakenAway(
  before: Settings,
  after: Settings,
  pinned: readonly PolicyRef[],
): string | undefined {
  const { activePolicy } = after;
  if (available(before, before.activePolicy) && !available(after, activePolicy)) {
    return `There would be no policy “${activePolicy.id}” version “${activePolicy.version}” to start new escalations under, so nothing was saved.`;
  }
  const stranded = pinned.filter((ref) => available(before, ref) && !available(after, ref));
  if (stranded.length === 0) return undefined;
  const names = [...new Set(stranded.map((ref) => `“${ref.id}” version “${ref.version}”`))].join(' and ');
  const [count, until] =
    stranded.length === 1
      ? ['1 stored escalation runs', 'it has']
      : [`${stranded.length} stored escalations run`, 'they have'];
  return `${count} under ${names}, so it cannot be removed until ${until} been deleted. Nothing was saved.`;
}

/** How a page asks the background to save what the user changed. */
export type SaveSettings = (changes: UserSettings, reset?: SettingPath[]) => Promise<UserSettings>;
