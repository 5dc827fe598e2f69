import { type Escalation, escalationSchema } from '../escalation';
import { describeProblems } from '../messaging';
import { keptReturnsSchema } from '../reports/kept';
import type { ReturnsRow } from '../reports/row';
import * as z from '../schema/zod';
import {
  type ManagedReading,
  organisationSettingsFrom,
  type SettingsView,
  settingsView,
  type UserSettings,
  userSettingsSchema,
} from '../settings';
import { isEscalationKey, isQuarantineKey, quarantineKey, type StorageSnapshot, storageKeys } from './keys';

/** How a quarantined entry is kept: the stored value exactly as it was, and what is wrong with it. */
export const quarantinedEntrySchema = z.object({
  originalKey: z.string(),
  value: z.unknown(),
  problems: z.string(),
  quarantinedAt: z.iso.datetime(),
});
export type QuarantinedEntry = z.infer<typeof quarantinedEntrySchema>;

/** What the options page shows of a quarantined entry; `quarantinedAt` once it has been moved aside. */
export interface QuarantineNotice {
  originalKey: string;
  problems: string;
  quarantinedAt?: string;
}

export interface StoredData extends SettingsView {
  escalations: Escalation[];
  /** Entries that failed to parse, whether already moved aside or not: never deleted for it. */
  quarantined: QuarantineNotice[];
  /** Returns rows kept after retention deleted their escalations. */
  keptReturns: ReturnsRow[];
}

type ParsedEntry =
  | { kind: 'escalation'; escalation: Escalation }
  | { kind: 'settings'; settings: UserSettings }
  | { kind: 'kept-returns'; rows: ReturnsRow[] }
  | { kind: 'invalid'; problems: string }
  | { kind: 'not-ours' };

/** One stored entry, parsed by the schema its key says it has. */
function parseEntry(key: string, value: unknown): ParsedEntry {
  if (isEscalationKey(key)) {
    const parsed = escalationSchema.safeParse(value);
    return parsed.success
      ? { kind: 'escalation', escalation: parsed.data }
      : { kind: 'invalid', problems: describeProblems(parsed.error) };
  }
  if (key === storageKeys.settings) {
    const parsed = userSettingsSchema.safeParse(value);
    return parsed.success
      ? { kind: 'settings', settings: parsed.data }
      : { kind: 'invalid', problems: describeProblems(parsed.error) };
  }
  if (key === storageKeys.keptReturns) {
    const parsed = keptReturnsSchema.safeParse(value);
    return parsed.success
      ? { kind: 'kept-returns', rows: parsed.data }
      : { kind: 'invalid', problems: describeProblems(parsed.error) };
  }
  return { kind: 'not-ours' };
}

/**
 * Entries already parsed, by the stored value each was parsed from: a reader
 * that keeps the same values from one reading to the next (the background's
 * copy of storage, lib/alerts) parses each value only once. Stored values are
 * never changed in place; a change arrives as a new value.
 */
export type ParsedEntries = WeakMap<object, { key: string; entry: ParsedEntry }>;

function parseEntryOnce(key: string, value: unknown, parsed: ParsedEntries | undefined): ParsedEntry {
  if (!parsed || typeof value !== 'object' || value === null) return parseEntry(key, value);
  const known = parsed.get(value);
  if (known?.key === key) return known.entry;
  const entry = parseEntry(key, value);
  parsed.set(value, { key, entry });
  return entry;
}

/**
 * Parses everything in storage, with the organisation's settings over the
 * user's. An entry that fails its schema is left out of the result and listed
 * as quarantined; every other entry still loads. Reading never writes: moving a
 * bad entry aside is the background's job (quarantineMoves), so pages can read
 * at any time.
 */
export function readStoredData(
  snapshot: StorageSnapshot,
  managed: ManagedReading,
  parsed?: ParsedEntries,
): StoredData {
  const escalations: Escalation[] = [];
  const quarantined: QuarantineNotice[] = [];
  let settings: UserSettings = {};
  let keptReturns: ReturnsRow[] = [];

  for (const [key, value] of Object.entries(snapshot)) {
    if (isQuarantineKey(key)) {
      const entry = quarantinedEntrySchema.safeParse(value);
      quarantined.push(
        entry.success
          ? {
              originalKey: entry.data.originalKey,
              problems: entry.data.problems,
              quarantinedAt: entry.data.quarantinedAt,
            }
          : { originalKey: key, problems: 'the quarantine record itself could not be read' },
      );
      continue;
    }
    const entry = parseEntryOnce(key, value, parsed);
    if (entry.kind === 'escalation') escalations.push(entry.escalation);
    else if (entry.kind === 'settings') settings = entry.settings;
    else if (entry.kind === 'kept-returns') keptReturns = entry.rows;
    else if (entry.kind === 'invalid') quarantined.push({ originalKey: key, problems: entry.problems });
  }
  escalations.sort((a, b) => b.differenceStartedAt.localeCompare(a.differenceStartedAt));
  return {
    escalations,
    quarantined,
    keptReturns,
    ...settingsView(settings, organisationSettingsFrom(managed)),
  };
}

/**
 * The writes that move each entry failing its schema, untouched, under a
 * quarantine key with what is wrong, and the keys to remove afterwards.
 */
export function quarantineMoves(
  snapshot: StorageSnapshot,
  at: Date,
): { set: StorageSnapshot; remove: string[] } {
  const set: StorageSnapshot = {};
  const remove: string[] = [];
  for (const [key, value] of Object.entries(snapshot)) {
    const parsed = isQuarantineKey(key) ? undefined : parseEntry(key, value);
    if (parsed?.kind !== 'invalid') continue;
    const entry: QuarantinedEntry = {
      originalKey: key,
      value,
      problems: parsed.problems,
      quarantinedAt: at.toISOString(),
    };
    set[quarantineKey(key, at)] = entry;
    remove.push(key);
  }
  return { set, remove };
}

/** The stored escalations alone, for work that needs no settings. */
export const storedEscalations = (snapshot: StorageSnapshot): Escalation[] =>
  readStoredData(snapshot, { state: 'loading' }).escalations;
