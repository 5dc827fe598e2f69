import { type Escalation, escalationSchema } from '../escalation';
import { describeProblems } from '../messaging';
import { type ReturnsRow, returnsRowSchema } from '../reports/row';
import * as z from '../schema/zod';
import { type UserSettings, userSettingsSchema } from '../settings';

/**
 * A backup file: every escalation, the settings and the returns rows kept
 * after retention, with a format version and a SHA-256 checksum so a damaged
 * or hand-edited file is refused rather than half-imported. Version 1 files
 * (before kept rows) still import, with none.
 */
export const BACKUP_FORMAT = 'escalation-overlay-backup';
export const BACKUP_VERSION = 2;
const READABLE_VERSIONS = new Set([1, BACKUP_VERSION]);

const backupEnvelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { message: 'is not an escalation backup file' }),
  version: z.number().check(z.int()),
  exportedAt: z.iso.datetime({ offset: true }),
  escalations: z.array(z.unknown()),
  settings: z.unknown(),
  keptReturns: z.optional(z.array(z.unknown())),
  checksum: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 checksum')),
});
export type BackupFile = z.infer<typeof backupEnvelopeSchema>;

export interface BackupContents {
  exportedAt: string;
  escalations: Escalation[];
  settings: UserSettings;
  keptReturns: ReturnsRow[];
}

/** JSON with object keys in sorted order, so the same contents always hash the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

// Absent kept rows leave the checksum as version 1 wrote it (canonicalJson drops undefined).
async function checksumOf(escalations: unknown, settings: unknown, keptReturns?: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson({ escalations, settings, keptReturns }));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function createBackup(
  escalations: readonly Escalation[],
  settings: UserSettings,
  now: Date,
  keptReturns: readonly ReturnsRow[] = [],
): Promise<BackupFile> {
  const sorted = [...escalations].sort((a, b) => a.id.localeCompare(b.id));
  const kept = [...keptReturns];
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    escalations: sorted,
    settings,
    keptReturns: kept,
    checksum: await checksumOf(sorted, settings, kept),
  };
}

export type BackupReading = { ok: true; backup: BackupContents } | { ok: false; problems: string[] };

/**
 * Reads a backup file as text and checks all of it before anything is
 * imported: JSON, format, version, every escalation, the settings and the
 * checksum. Any problem refuses the whole file, with every problem listed.
 */
export async function readBackup(text: string): Promise<BackupReading> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['The file is not valid JSON: it may be damaged or not a backup file.'] };
  }
  const envelope = backupEnvelopeSchema.safeParse(json);
  if (!envelope.success)
    return { ok: false, problems: [`The file is not a backup: ${describeProblems(envelope.error)}`] };
  const file = envelope.data;
  if (!READABLE_VERSIONS.has(file.version)) {
    return {
      ok: false,
      problems: [
        file.version > BACKUP_VERSION
          ? `The backup was made by a newer version of the extension (format ${file.version}); update the extension first.`
          : `The backup's format ${file.version} is not one this version can read.`,
      ],
    };
  }

  const problems: string[] = [];
  const escalations: Escalation[] = [];
  file.escalations.forEach((entry, index) => {
    const parsed = escalationSchema.safeParse(entry);
    if (parsed.success) escalations.push(parsed.data);
    else problems.push(`Escalation ${index + 1}: ${describeProblems(parsed.error)}`);
  });
  const ids = new Set<string>();
  for (const escalation of escalations) {
    if (ids.has(escalation.id)) problems.push(`Escalation ${escalation.id} appears twice.`);
    ids.add(escalation.id);
  }
  const settings = userSettingsSchema.safeParse(file.settings);
  if (!settings.success) problems.push(`Settings: ${describeProblems(settings.error)}`);
  const keptReturns: ReturnsRow[] = [];
  (file.keptReturns ?? []).forEach((entry, index) => {
    const parsed = returnsRowSchema.safeParse(entry);
    if (parsed.success) keptReturns.push(parsed.data);
    else problems.push(`Kept returns row ${index + 1}: ${describeProblems(parsed.error)}`);
  });
  if ((await checksumOf(file.escalations, file.settings, file.keptReturns)) !== file.checksum) {
    problems.push('The checksum does not match: the file was changed or damaged after it was exported.');
  }
  if (problems.length > 0 || !settings.success) return { ok: false, problems };
  return {
    ok: true,
    backup: { exportedAt: file.exportedAt, escalations, settings: settings.data, keptReturns },
  };
}

export type ImportMode = 'merge' | 'replace';

/** What an import would do, shown to the user before anything changes. */
export interface ImportPreview {
  /** In the file, not here. */
  added: string[];
  /** Here, and the file has a later revision of it. */
  updated: string[];
  /** Here and different, but the file's copy is not later: merging keeps what is here. */
  conflicting: string[];
  unchanged: string[];
  /** Here and not in the file: replacing deletes them. */
  onlyHere: string[];
}

export function previewImport(
  current: readonly Escalation[],
  incoming: readonly Escalation[],
): ImportPreview {
  const here = new Map(current.map((escalation) => [escalation.id, escalation]));
  const preview: ImportPreview = { added: [], updated: [], conflicting: [], unchanged: [], onlyHere: [] };
  for (const escalation of incoming) {
    const existing = here.get(escalation.id);
    if (!existing) preview.added.push(escalation.id);
    else if (canonicalJson(existing) === canonicalJson(escalation)) preview.unchanged.push(escalation.id);
    else if (escalation.revision > existing.revision) preview.updated.push(escalation.id);
    else preview.conflicting.push(escalation.id);
  }
  const inFile = new Set(incoming.map((escalation) => escalation.id));
  preview.onlyHere = current
    .filter((escalation) => !inFile.has(escalation.id))
    .map((escalation) => escalation.id);
  return preview;
}

/** The escalations to write for an import: merging adds and updates; replacing takes the file as it is. */
export function escalationsToImport(
  preview: ImportPreview,
  incoming: readonly Escalation[],
  mode: ImportMode,
): Escalation[] {
  if (mode === 'replace') return [...incoming];
  const wanted = new Set([...preview.added, ...preview.updated]);
  return incoming.filter((escalation) => wanted.has(escalation.id));
}
