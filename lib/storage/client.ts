import { londonDate } from '../calendar/london';
import { sendMessage, type Transport } from '../messaging';
import type { SettingPath, UserSettings } from '../settings';
import type { LocalArea } from './area';
import { createBackup, type ImportMode, type ImportPreview, previewImport, readBackup } from './backup';
import {
  clearKeptReturnsMessage,
  DELETE_ALL_CONFIRMATION,
  deleteAllMessage,
  importBackupMessage,
  removeChildNamesMessage,
} from './messages';
import { saveSettingsVia } from './page-clients';
import { readStoredData, storedEscalations } from './snapshot';

/**
 * What an extension page does with the stored data: it reads directly, and
 * asks the background (the one writer) for every change.
 */
export interface DataClient {
  exportBackup(): Promise<{ fileName: string; text: string }>;
  previewImport(
    text: string,
  ): Promise<{ ok: true; preview: ImportPreview } | { ok: false; problems: string[] }>;
  importBackup(text: string, mode: ImportMode): Promise<ImportPreview>;
  deleteAll(): Promise<number>;
  /** Deletes the returns rows kept after retention; resolves to how many. */
  clearKeptReturns(): Promise<number>;
  /** Removes every stored child's name; returns how many were removed. */
  removeChildNames(): Promise<number>;
  /** Saves what the user changed; `reset` puts settings back to the organisation's or the release's value. */
  saveSettings(changes: UserSettings, reset?: SettingPath[]): Promise<UserSettings>;
}

export function createDataClient(area: LocalArea, transport: Transport, now: () => Date): DataClient {
  return {
    async exportBackup() {
      // A backup holds the user's own settings; the organisation's come from its policy on every machine.
      const { escalations, user, keptReturns } = readStoredData(await area.get(null), { state: 'none' });
      const at = now();
      const backup = await createBackup(escalations, user, at, keptReturns);
      return { fileName: `escalations-backup-${londonDate(at)}.json`, text: JSON.stringify(backup, null, 2) };
    },
    async previewImport(text) {
      const reading = await readBackup(text);
      if (!reading.ok) return reading;
      const escalations = storedEscalations(await area.get(null));
      return { ok: true, preview: previewImport(escalations, reading.backup.escalations) };
    },
    importBackup: (text, mode) => sendMessage(transport, importBackupMessage, { text, mode }),
    deleteAll: async () =>
      (await sendMessage(transport, deleteAllMessage, { confirmation: DELETE_ALL_CONFIRMATION }))
        .deletedEscalations,
    clearKeptReturns: async () => (await sendMessage(transport, clearKeptReturnsMessage, {})).cleared,
    removeChildNames: async () => (await sendMessage(transport, removeChildNamesMessage, {})).removedNames,
    saveSettings: saveSettingsVia(transport),
  };
}

export { createEscalationClient, type EscalationClient } from './page-clients';
