import * as z from '../schema/zod';
import { type StorageSnapshot, storageKeys } from './keys';

/**
 * A numbered, pure step from one storage layout to the next. It takes the whole
 * store as it is and returns the whole store as it should be, so it can be
 * tested with a fixture of the old shape in and the new shape out.
 */
export interface Migration {
  /** The layout version this migration produces; it runs on version - 1. */
  version: number;
  description: string;
  migrate(snapshot: StorageSnapshot): StorageSnapshot;
}

/** Version 1's settings defaults, as that release wrote them in full into storage. */
const VERSION_1_DEFAULTS: Record<string, unknown> = {
  profile: {},
  activePolicy: { id: 'pan-berkshire', version: 'March 2026' },
  calendar: {},
  dueSoonLeadWorkingDays: 0,
  notifications: { enabled: true, workingHoursOnly: true },
  retentionDays: 30,
  showChildNames: false,
};

/**
 * Version 1 stored every setting, defaults included. From version 2 only what
 * the user changed is stored, so that an organisation's defaults (and a later
 * release's) reach every setting the user never touched.
 */
const onlyWhatTheUserChanged: Migration = {
  version: 2,
  description: 'settings keep only what the user changed',
  migrate(snapshot) {
    const settings = snapshot[storageKeys.settings];
    if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return snapshot;
    const changed = Object.fromEntries(
      Object.entries(settings).filter(
        ([key, value]) => JSON.stringify(value) !== JSON.stringify(VERSION_1_DEFAULTS[key]),
      ),
    );
    return { ...snapshot, [storageKeys.settings]: changed };
  },
};

/** Where versions 1 and 2 kept the enabled sites: their match patterns, nothing more. */
const VERSION_2_SITES_KEY = 'enabledSites';
const VERSION_2_SITE = /^https?:\/\/[^/*]+\/\*$/;

/**
 * Version 2 kept the enabled sites as a list of match patterns. From version 3
 * each site has an on/off switch and an adapter choice, so a site can be
 * turned off without forgetting it. Every site enabled before stays on, with
 * every adapter tried as before; anything that was not a site pattern is dropped
 * (the old reader ignored it too).
 */
const sitesHaveSwitches: Migration = {
  version: 3,
  description: 'each enabled site has an on/off switch and an adapter choice',
  migrate(snapshot) {
    if (!(VERSION_2_SITES_KEY in snapshot)) return snapshot;
    const { [VERSION_2_SITES_KEY]: enabled, ...rest } = snapshot;
    const patterns = Array.isArray(enabled)
      ? enabled.filter((site): site is string => typeof site === 'string' && VERSION_2_SITE.test(site))
      : [];
    const sites = [...new Set(patterns)].map((site) => ({ site, on: true }));
    return { ...rest, [storageKeys.sites]: sites };
  },
};

/** Version 1 is the first layout; each later layout adds its migration here, numbered 2, 3, … */
export const storageMigrations: readonly Migration[] = [onlyWhatTheUserChanged, sitesHaveSwitches];

/** The layout this release writes: one past the first for each migration. */
const layoutVersionAfter = (migrations: readonly Migration[]) => 1 + migrations.length;
export const STORAGE_VERSION = layoutVersionAfter(storageMigrations);

export type MigrationPlan =
  | { kind: 'up-to-date'; version: number }
  /** A new store (or one from before versioning had anything in it): stamp the version. */
  | { kind: 'stamp'; version: number }
  | { kind: 'migrate'; from: number; to: number; set: StorageSnapshot; remove: string[]; applied: string[] }
  /** Written by a newer release of the extension: leave it alone, write nothing. */
  | { kind: 'newer'; found: number; known: number }
  | { kind: 'failed'; from: number; failedAt: number; problem: string };

/** What `storageVersion` holds: the layout version, a whole number from 1. */
export const storageVersionSchema = z.int().check(z.gte(1));

function storedVersion(snapshot: StorageSnapshot): number | undefined {
  const version = z.safeParse(storageVersionSchema, snapshot[storageKeys.version]);
  return version.success ? version.data : undefined;
}

/**
 * Works out, without writing anything, how to bring the store up to `target`.
 * A migration that throws leaves the plan 'failed': the caller writes nothing
 * and the old data stays exactly as it was.
 */
export function planMigration(
  snapshot: StorageSnapshot,
  migrations: readonly Migration[] = storageMigrations,
): MigrationPlan {
  const target = layoutVersionAfter(migrations);
  const from = storedVersion(snapshot);
  if (from === undefined) return { kind: 'stamp', version: target };
  if (from === target) return { kind: 'up-to-date', version: from };
  if (from > target) return { kind: 'newer', found: from, known: target };

  let current: StorageSnapshot = structuredClone(snapshot);
  const applied: string[] = [];
  for (let version = from + 1; version <= target; version++) {
    const migration = migrations.find((candidate) => candidate.version === version);
    if (!migration) {
      return { kind: 'failed', from, failedAt: version, problem: `no migration to version ${version}` };
    }
    try {
      current = migration.migrate(structuredClone(current));
    } catch (error) {
      const problem = error instanceof Error ? error.message : 'the migration failed';
      return { kind: 'failed', from, failedAt: version, problem };
    }
    applied.push(`${version}: ${migration.description}`);
  }
  current[storageKeys.version] = target;

  const set: StorageSnapshot = {};
  for (const [key, value] of Object.entries(current)) {
    if (JSON.stringify(value) !== JSON.stringify(snapshot[key])) set[key] = value;
  }
  const remove = Object.keys(snapshot).filter((key) => !(key in current));
  return { kind: 'migrate', from, to: target, set, remove, applied };
}
