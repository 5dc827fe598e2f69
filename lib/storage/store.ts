import {
  applyChange,
  type Escalation,
  type EscalationChange,
  type Person,
  type StartEscalationInput,
  startEscalation,
  type TransitionResult,
} from '../escalation';
import { MessageError } from '../messaging';
import { builtInPolicies, findPolicy, type Policy } from '../policy';
import { keptRowsInForce, rowOfStored, withKeptRows } from '../reports/kept';
import {
  changedUserSettings,
  checkUserChange,
  policyTakenAway,
  readManagedArea,
  type SettingPath,
  settingsView,
  type UserSettings,
  userSettingsSchema,
} from '../settings';
import type { LocalArea, ManagedArea } from './area';
import {
  escalationsToImport,
  type ImportMode,
  type ImportPreview,
  previewImport,
  readBackup,
} from './backup';
import { escalationKey, isEscalationKey, type StorageSnapshot, storageKeys } from './keys';
import { WriteLock } from './lock';
import { type Migration, planMigration, storageMigrations } from './migrations';
import { expiredEscalations } from './retention';
import { quarantineMoves, readStoredData, type StoredData, storedEscalations } from './snapshot';

export interface StoreOptions {
  area: LocalArea;
  managed: ManagedArea;
  now: () => Date;
  newId: () => string;
  migrations?: readonly Migration[];
}

/** What opening the store found: ready to write, or blocked (nothing will be written) and why. */
export type StoreStatus =
  | { state: 'ready'; migrated: string[]; quarantined: number }
  | { state: 'blocked'; reason: string };

/**
 * The one writer of escalation data, run by the background. Every change is a
 * read-change-write under one lock, against the revision the editor last saw:
 * an edit made on an older copy is refused as stale, never written over newer
 * data. Before the first write the store is migrated (once) and entries that
 * fail their schema are moved aside, untouched, under quarantine keys.
 */
export class EscalationStore {
  private readonly lock = new WriteLock();
  private opening: Promise<StoreStatus> | undefined;

  constructor(private readonly options: StoreOptions) {}

  /** Migrates and quarantines once; every write waits for it. */
  open(): Promise<StoreStatus> {
    this.opening ??= this.lock.run(() => this.migrateAndQuarantine());
    return this.opening;
  }

  private async migrateAndQuarantine(): Promise<StoreStatus> {
    const { area, now } = this.options;
    const snapshot = await area.get(null);
    const plan = planMigration(snapshot, this.options.migrations ?? storageMigrations);
    let migrated: string[] = [];
    switch (plan.kind) {
      case 'newer':
        return {
          state: 'blocked',
          reason: `The data was saved by a newer version of the extension (storage version ${plan.found}); update the extension to use it. Nothing has been changed.`,
        };
      case 'failed':
        return {
          state: 'blocked',
          reason: `Updating the stored data to version ${plan.failedAt} failed (${plan.problem}). The data is as it was; nothing will be written until this is fixed.`,
        };
      case 'stamp':
        await this.write({ [storageKeys.version]: plan.version });
        break;
      case 'migrate':
        await this.write(plan.set);
        if (plan.remove.length > 0) await area.remove(plan.remove);
        migrated = plan.applied;
        break;
      case 'up-to-date':
        break;
    }
    const current = plan.kind === 'migrate' ? { ...snapshot, ...plan.set } : snapshot;
    const moves = quarantineMoves(current, now());
    if (moves.remove.length > 0) {
      await this.write(moves.set);
      await area.remove(moves.remove);
    }
    return { state: 'ready', migrated, quarantined: moves.remove.length };
  }

  /** Runs a write under the lock once the store is open; refuses if opening found it blocked. */
  private async writing<T>(task: () => Promise<T>): Promise<T> {
    const status = await this.open();
    if (status.state === 'blocked') throw new MessageError('storage-blocked', status.reason);
    return this.lock.run(task);
  }

  /** Writes, turning the browser's quota error into one the practitioner can act on. */
  private async write(items: StorageSnapshot): Promise<void> {
    try {
      await this.options.area.set(items);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/quota/i.test(message)) {
        throw new MessageError(
          'storage-full',
          'The extension’s storage is full, so this change was not saved. Copy it into the case notes, then export and delete ended escalations in Settings → Data.',
        );
      }
      throw new MessageError('storage-failed', `The change was not saved: ${message}`);
    }
  }

  private async readEscalation(id: string): Promise<Escalation> {
    const key = escalationKey(id);
    const escalation = storedEscalations(await this.options.area.get(key))[0];
    if (!escalation)
      throw new MessageError('not-found', 'That escalation is no longer stored in the extension.');
    return escalation;
  }

  /** What is stored (everything, or only `keys`), with the organisation’s settings as the browser has them now. */
  private async current(keys: string | null = null): Promise<StoredData> {
    const [snapshot, managed] = await Promise.all([
      this.options.area.get(keys),
      readManagedArea(this.options.managed),
    ]);
    return readStoredData(snapshot, managed);
  }

  /**
   * The policy an escalation is pinned to. Built-in policies need no reading;
   * the user's and the organisation's need the settings alone, not every escalation.
   */
  private async pinnedPolicy(pinned: { id: string; version: string }): Promise<Policy> {
    const policy =
      findPolicy(pinned.id, pinned.version) ??
      findPolicy(
        pinned.id,
        pinned.version,
        (await this.current(storageKeys.settings)).settings.importedPolicies,
      );
    if (!policy) {
      throw new MessageError(
        'unknown-policy',
        `The policy this escalation runs under (${pinned.id}, ${pinned.version}) is not available.`,
      );
    }
    return policy;
  }

  /**
   * A policy the organisation gave inline is copied into the user's own
   * policies when an escalation starts under it, so the escalation keeps its
   * policy when the organisation later changes or withdraws it.
   */
  private keepingPolicy(user: UserSettings, policy: Policy): StorageSnapshot {
    const kept = user.importedPolicies ?? [];
    const known = [...builtInPolicies, ...kept].some(
      (candidate) => candidate.id === policy.id && candidate.version === policy.version,
    );
    return known ? {} : { [storageKeys.settings]: { ...user, importedPolicies: [...kept, policy] } };
  }

  private committed(result: TransitionResult): Escalation {
    if (!result.ok) throw new MessageError(result.error.code, result.error.message);
    return result.escalation;
  }

  async startEscalation(input: StartEscalationInput, by: Person): Promise<Escalation> {
    return this.writing(async () => {
      const { now, newId } = this.options;
      const policy = await this.pinnedPolicy(input.policy);
      const { user } = await this.current(storageKeys.settings);
      const escalation = this.committed(startEscalation(input, { now: now(), by, policy, newId }));
      await this.write({
        [escalationKey(escalation.id)]: escalation,
        ...this.keepingPolicy(user, policy),
      });
      return escalation;
    });
  }

  /**
   * Applies one change to the stored escalation, if the editor saw its latest
   * revision; otherwise refuses it as stale so the editor can reload and redo it.
   */
  async changeEscalation(
    id: string,
    expectedRevision: number,
    change: EscalationChange,
    by: Person,
  ): Promise<Escalation> {
    return this.writing(async () => {
      const stored = await this.readEscalation(id);
      if (stored.revision !== expectedRevision) {
        throw new MessageError(
          'stale-revision',
          'This escalation was changed elsewhere (another tab or window) after you opened it. Your change was not saved: the panel now shows the latest version; please make your change again.',
        );
      }
      const policy = await this.pinnedPolicy(stored.policy);
      const changed = this.committed(applyChange(stored, change, { now: this.options.now(), by, policy }));
      await this.write({ [escalationKey(id)]: changed });
      return changed;
    });
  }

  /**
   * Saves the settings the user changed, and puts back those in `reset`.
   * Refused whole if any is locked by the organisation, while the
   * organisation's settings are unknown, or if it would take away a policy an
   * escalation runs under or new escalations start under.
   */
  async saveSettings(changes: UserSettings, reset: readonly SettingPath[] = []): Promise<UserSettings> {
    return this.writing(async () => {
      const { user, organisation, settings, escalations } = await this.current();
      checkUserChange(changes, organisation);
      const next = userSettingsSchema.parse(changedUserSettings(user, changes, reset));
      const takenAway = policyTakenAway(
        settings,
        settingsView(next, organisation).settings,
        escalations.map((escalation) => escalation.policy),
      );
      if (takenAway) throw new MessageError('policy-needed', takenAway);
      await this.write({ [storageKeys.settings]: next });
      return next;
    });
  }

  /**
   * Removes the child's name from every stored escalation that keeps one,
   * when names are turned off; the record id still identifies the child.
   * Each changed escalation counts a revision, so a tab showing the old copy
   * cannot write the name back. Returns how many names were removed.
   */
  async removeChildNames(): Promise<number> {
    return this.writing(async () => {
      const { escalations } = await this.current();
      const items: StorageSnapshot = {};
      for (const escalation of escalations) {
        if (escalation.child.displayName === undefined) continue;
        const { displayName: _name, ...child } = escalation.child;
        items[escalationKey(escalation.id)] = { ...escalation, child, revision: escalation.revision + 1 };
      }
      if (Object.keys(items).length > 0) await this.write(items);
      return Object.keys(items).length;
    });
  }

  /** Deletes every escalation and the settings (quarantined entries too): the user's "Delete all data". */
  async deleteAll(): Promise<number> {
    return this.writing(async () => {
      const snapshot = await this.options.area.get(null);
      const keys = Object.keys(snapshot).filter((key) => key !== storageKeys.version);
      await this.options.area.remove(keys);
      return keys.filter(isEscalationKey).length;
    });
  }

  /**
   * Imports a backup file: the whole file is checked first, and any problem
   * refuses it with nothing changed. Merging adds new escalations and later
   * revisions, keeping what is here where the file's copy is not later;
   * replacing makes the store exactly the file's contents.
   */
  async importBackup(text: string, mode: ImportMode): Promise<ImportPreview> {
    const reading = await readBackup(text);
    if (!reading.ok) throw new MessageError('invalid-backup', reading.problems.join('\n'));
    const { backup } = reading;
    return this.writing(async () => {
      const snapshot = await this.options.area.get(null);
      const preview = previewImport(storedEscalations(snapshot), backup.escalations);
      const items: StorageSnapshot = {};
      for (const escalation of escalationsToImport(preview, backup.escalations, mode)) {
        items[escalationKey(escalation.id)] = escalation;
      }
      if (mode === 'replace' || !(storageKeys.settings in snapshot))
        items[storageKeys.settings] = backup.settings;
      const { keptReturns } = readStoredData(snapshot, { state: 'none' });
      const kept = mode === 'replace' ? backup.keptReturns : withKeptRows(keptReturns, backup.keptReturns);
      if (kept.length > 0) items[storageKeys.keptReturns] = kept;
      await this.write(items);
      if (mode === 'replace') {
        const gone = preview.onlyHere.map(escalationKey);
        await this.options.area.remove(kept.length > 0 ? gone : [...gone, storageKeys.keptReturns]);
      }
      return preview;
    });
  }

  /**
   * Deletes ended escalations whose retention period is over; returns how
   * many. Each one's anonymised returns row is kept first (written before the
   * escalation is removed, so a failure loses nothing), and kept rows past
   * their own period are deleted. Blocked data is left alone.
   */
  async applyRetention(): Promise<number> {
    if ((await this.open()).state === 'blocked') return 0;
    return this.writing(async () => {
      const { escalations, settings, keptReturns } = await this.current();
      const now = this.options.now();
      const expired = expiredEscalations(escalations, now, settings.retentionDays);
      const added = expired.flatMap((escalation) => {
        const row = rowOfStored(escalation, settings, now);
        return row ? [row] : [];
      });
      const kept = keptRowsInForce(withKeptRows(keptReturns, added), now, settings.returnsRetentionMonths);
      if (added.length > 0 || kept.length !== keptReturns.length) {
        await this.write({ [storageKeys.keptReturns]: kept });
      }
      if (expired.length > 0)
        await this.options.area.remove(expired.map((escalation) => escalationKey(escalation.id)));
      return expired.length;
    });
  }

  /** Deletes every kept returns row: the Data section's "Clear kept returns"; returns how many. */
  async clearKeptReturns(): Promise<number> {
    return this.writing(async () => {
      const { keptReturns } = await this.current(storageKeys.keptReturns);
      await this.options.area.remove(storageKeys.keptReturns);
      return keptReturns.length;
    });
  }
}
