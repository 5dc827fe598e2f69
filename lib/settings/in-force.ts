import * as z from '../schema/zod';
import { type ManagedReading, organisationSettingsFrom, readManagedArea } from './managed';
import { settingsView } from './resolve';
import { type Settings, userSettingsSchema } from './schema';

/**
 * The settings in force, from the user's as stored and the organisation's.
 * User settings that fail their schema count as none, as every page reads
 * them (the background moves them aside).
 */
export function settingsInForce(storedUserSettings: unknown, managed: ManagedReading): Settings {
  const user = z.safeParse(userSettingsSchema, storedUserSettings ?? {});
  return settingsView(user.success ? user.data : {}, organisationSettingsFrom(managed)).settings;
}

/** The settings in force, read afresh: the user's stored settings alone, not every escalation. */
export async function readSettingsInForce(
  storedUserSettings: () => Promise<unknown>,
  managed: Parameters<typeof readManagedArea>[0],
): Promise<Settings> {
  const [stored, reading] = await Promise.all([storedUserSettings(), readManagedArea(managed)]);
  return settingsInForce(stored, reading);
}
