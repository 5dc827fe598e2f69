/**
 * Every key the extension stores, in one place: `storage.local` (on disk, kept
 * across restarts) and `storage.session` (in memory, gone when the browser
 * closes). Nothing goes to `storage.sync`, which would leave the machine.
 * Code reads and writes a key only by the constant here;
 * test/unit/conventions.test.ts fails if a key is spelled anywhere else or is
 * missing from `storedKeyRegistry`.
 *
 * Three version numbers, each for a different thing:
 * - `STORAGE_VERSION` (lib/storage/migrations.ts, stored under `storageVersion`)
 *   is the layout of `storage.local` as a whole: which keys exist and their
 *   shapes. Each numbered migration moves it on by one, in the background,
 *   before anything is written.
 * - `ESCALATION_SCHEMA_VERSION` (lib/escalation/schema.ts) is stamped inside
 *   each escalation entry. It changes only together with a storage migration
 *   that rewrites every entry, so an entry's version says which shape it has
 *   even when it is read on its own (a backup, a quarantined copy).
 * - `BACKUP_VERSION` (lib/storage/backup.ts) is the backup file's format. Files
 *   outlive installs, so it moves on its own and older files still import.
 * `storage.session` holds nothing that outlives the browser, so it has no
 * versions: a shape that no longer parses is simply worked out again.
 */

/** storage.local: the layout version (`STORAGE_VERSION`). */
export const STORAGE_VERSION_KEY = 'storageVersion';
/** storage.local: the settings the user changed. */
export const SETTINGS_KEY = 'settings';
/** storage.local: one entry per escalation, `escalation:<id>`. */
export const ESCALATION_PREFIX = 'escalation:';
/** storage.local: entries that failed their schema, moved aside as they were. */
export const QUARANTINE_PREFIX = 'quarantine:';
/** storage.local: deadline notifications already shown (or passed over), so none is ever repeated. */
export const NOTIFICATIONS_HANDLED_KEY = 'notificationsHandled';
/** storage.local: the sites the user turned on, each with its adapter choice and on/off switch. */
export const SITES_KEY = 'sites';
/** storage.local: anonymised returns rows of escalations retention deleted; absent means none. */
export const KEPT_RETURNS_KEY = 'keptReturns';
/** storage.local: whether the panel was left open, and how wide, across pages and restarts. */
export const OVERLAY_LAYOUT_KEY = 'overlayLayout';
/** storage.session: what the background knows of the page in each tab, `pageContext:<tabId>`. */
export const PAGE_CONTEXT_PREFIX = 'pageContext:';
/** storage.session: the popup's list of open escalations, as one JSON text. */
export const DASHBOARD_LIST_KEY = 'dashboardList';
/** storage.session: the panel's half-typed forms, `draft:<form>`. */
export const DRAFT_PREFIX = 'draft:';
/** storage.session, test and development builds only: the test clock's offset from real time. */
export const TEST_CLOCK_KEY = 'testClockOffsetMs';

/** The storage.local keys the store itself keeps, by the name the store's code uses. */
export const storageKeys = {
  version: STORAGE_VERSION_KEY,
  settings: SETTINGS_KEY,
  escalationPrefix: ESCALATION_PREFIX,
  quarantinePrefix: QUARANTINE_PREFIX,
  notificationsHandled: NOTIFICATIONS_HANDLED_KEY,
  sites: SITES_KEY,
  keptReturns: KEPT_RETURNS_KEY,
} as const;

export const escalationKey = (id: string) => `${ESCALATION_PREFIX}${id}`;

/** Each quarantining gets its own key, so an entry that fails twice never overwrites the first. */
export const quarantineKey = (originalKey: string, at: Date) =>
  `${QUARANTINE_PREFIX}${at.toISOString()}:${originalKey}`;

export const isEscalationKey = (key: string) => key.startsWith(ESCALATION_PREFIX);
export const isQuarantineKey = (key: string) => key.startsWith(QUARANTINE_PREFIX);
export const pageContextKey = (tabId: number) => `${PAGE_CONTEXT_PREFIX}${tabId}`;
export const draftKey = (form: string) => `${DRAFT_PREFIX}${form}`;

/** Everything in `storage.local` at one moment, as the browser returns it from `get(null)`. */
export type StorageSnapshot = Record<string, unknown>;

export interface StoredKeyEntry {
  area: 'local' | 'session';
  /** The key, or the prefix a family of keys shares. */
  key: string;
  prefix?: true;
  /** The zod schema every read parses with: `module#export`, from the project root (checked by a test). */
  schema: string;
  /** What says which shape is stored. */
  version: string;
  /** The only context that writes it. */
  writer: string;
}

/**
 * What each key holds, which schema reads it, what versions it and who writes
 * it. Read by the convention tests and by people, never by the extension, so
 * none of it reaches a bundle.
 */
export const storedKeyRegistry: readonly StoredKeyEntry[] = [
  {
    area: 'local',
    key: STORAGE_VERSION_KEY,
    schema: 'lib/storage/migrations.ts#storageVersionSchema',
    version: 'is STORAGE_VERSION',
    writer: 'background: EscalationStore (lib/storage/store.ts)',
  },
  {
    area: 'local',
    key: SETTINGS_KEY,
    schema: 'lib/settings/schema.ts#userSettingsSchema',
    version: 'STORAGE_VERSION',
    writer: 'background: EscalationStore',
  },
  {
    area: 'local',
    key: ESCALATION_PREFIX,
    prefix: true,
    schema: 'lib/escalation/schema.ts#escalationSchema',
    version: 'ESCALATION_SCHEMA_VERSION, inside each entry',
    writer: 'background: EscalationStore',
  },
  {
    area: 'local',
    key: QUARANTINE_PREFIX,
    prefix: true,
    schema: 'lib/storage/snapshot.ts#quarantinedEntrySchema',
    version: 'STORAGE_VERSION',
    writer: 'background: EscalationStore',
  },
  {
    area: 'local',
    key: NOTIFICATIONS_HANDLED_KEY,
    schema: 'lib/alerts/service.ts#handledSchema',
    version: 'STORAGE_VERSION',
    writer: 'background: DeadlineAlertService (lib/alerts/service.ts)',
  },
  {
    area: 'local',
    key: SITES_KEY,
    schema: 'lib/sites/site-list.ts#siteEntrySchema',
    version: 'STORAGE_VERSION',
    writer: 'background: sites (lib/sites/enablement.ts)',
  },
  {
    area: 'local',
    key: KEPT_RETURNS_KEY,
    schema: 'lib/reports/kept.ts#keptReturnsSchema',
    version: 'STORAGE_VERSION',
    writer: 'background: EscalationStore, at retention',
  },
  {
    area: 'local',
    key: OVERLAY_LAYOUT_KEY,
    schema: 'lib/overlay/page-messages.ts#layoutSchema',
    version: 'STORAGE_VERSION',
    writer: 'background: the overlay (lib/overlay/layout-store.ts)',
  },
  {
    area: 'session',
    key: PAGE_CONTEXT_PREFIX,
    prefix: true,
    schema: 'lib/overlay/page-context.ts#pageContextSchema',
    version: 'none (memory only)',
    writer: 'background: the overlay (lib/overlay/page-context.ts)',
  },
  {
    area: 'session',
    key: DASHBOARD_LIST_KEY,
    schema: 'lib/alerts/dashboard.ts#dashboardListSchema',
    version: 'none (memory only)',
    writer: 'background: alerts (lib/alerts/dashboard-store.ts)',
  },
  {
    area: 'session',
    key: DRAFT_PREFIX,
    prefix: true,
    schema: "each form's own, where the panel loads it (components/panel/useDraft.ts)",
    version: 'none (memory only)',
    writer: 'panel: createDraftStore (lib/storage/drafts.ts)',
  },
  {
    area: 'session',
    key: TEST_CLOCK_KEY,
    schema: 'lib/clock/clock.ts#offsetSchema',
    version: 'none (memory only; test and development builds)',
    writer: 'tests',
  },
];
