/**
 * Settings: the user's own, the organisation's (managed by IT through the
 * browser's policies, checked here), and how they combine.
 */
export {
  contactRoleFor,
  contactRoleWords,
  contactsForPolicyRoles,
  isContactSet,
  policyRolesByContact,
  type RoleContact,
} from './contacts';
export {
  type ManagedReading,
  type ManagedSettingName,
  type ManagedSite,
  managedSettingNames,
  type OrganisationSettings,
  organisationSettingsFrom,
  readManagedArea,
} from './managed';
export {
  changedUserSettings,
  checkUserChange,
  lockedPaths,
  type PolicyRef,
  pathsSetBy,
  policyTakenAway,
  resolveSettings,
  type SaveSettings,
  type SettingPath,
  type SettingsView,
  settingsView,
} from './resolve';
export {
  BERKSHIRE_WEST_BUSINESS_MANAGER,
  type Contact,
  type ContactRole,
  type Contacts,
  contactRoles,
  contactSchema,
  DEFAULT_RETENTION_DAYS,
  defaultSettings,
  type Profile,
  profileSchema,
  type SettingName,
  type Settings,
  settingsSchema,
  type UserSettings,
  userSettingsSchema,
} from './schema';
