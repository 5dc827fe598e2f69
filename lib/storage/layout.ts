/**
 * Where everything lives in `storage.local`: one key per escalation, one for
 * settings, one for the sites, one for the layout's version, one for the
 * returns rows kept after retention, and quarantined entries beside them.
 * Nothing goes to `storage.sync`, which would leave the machine.
 */

export const storageKeys = {
  version: 'storageVersion',
  settings: 'settings',
  escalationPrefix: 'escalation:',
  quarantinePrefix: 'quarantine:',
  /** Deadline notifications already shown (or passed over), so none is ever repeated. */
  notificationsHandled: 'notificationsHandled',
  /** The sites the user turned on, each with its adapter choice and on/off switch (lib/sites/site-list). */
  sites: 'sites',
  /** Anonymised returns rows of escalations retention deleted (lib/reports); absent means none. */
  keptReturns: 'keptReturns',
} as const;

export const escalationKey = (id: string) => `${storageKeys.escalationPrefix}${id}`;

/** Each quarantining gets its own key, so an entry that fails twice never overwrites the first. */
export const quarantineKey = (originalKey: string, at: Date) =>
  `${storageKeys.quarantinePrefix}${at.toISOString()}:${originalKey}`;

export const isEscalationKey = (key: string) => key.startsWith(storageKeys.escalationPrefix);
export const isQuarantineKey = (key: string) => key.startsWith(storageKeys.quarantinePrefix);

/** Everything in `storage.local` at one moment, as the browser returns it from `get(null)`. */
export type StorageSnapshot = Record<string, unknown>;
