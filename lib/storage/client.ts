import { londonDate } from '../calendar/london';
import type { Escalation, EscalationChange, Person, StartEscalationInput } from '../escalation';
import { sendMessage, type Transport } from '../messaging';
import type { LocalArea } from './area';
import { createBackup, type ImportMode, type ImportPreview, previewImport, readBackup } from './backup';
import {
  changeEscalationMessage,
  DELETE_ALL_CONFIRMATION,
  deleteAllMessage,
  importBackupMessage,
  saveSettingsMessage,
  startEscalationMessage,
} from './messages';
import type { Settings } from './settings';
import { readStoredData } from './snapshot';

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
  saveSettings(settings: Settings): Promise<Settings>;
}

export function createDataClient(area: LocalArea, transport: Transport, now: () => Date): DataClient {
  return {
    async exportBackup() {
      const { escalations, settings } = readStoredData(await area.get(null));
      const at = now();
      const backup = await createBackup(escalations, settings, at);
      return { fileName: `escalations-backup-${londonDate(at)}.json`, text: JSON.stringify(backup, null, 2) };
    },
    async previewImport(text) {
      const reading = await readBackup(text);
      if (!reading.ok) return reading;
      const { escalations } = readStoredData(await area.get(null));
      return { ok: true, preview: previewImport(escalations, reading.backup.escalations) };
    },
    importBackup: (text, mode) => sendMessage(transport, importBackupMessage, { text, mode }),
    deleteAll: async () =>
      (await sendMessage(transport, deleteAllMessage, { confirmation: DELETE_ALL_CONFIRMATION }))
        .deletedEscalations,
    saveSettings: async (settings) =>
      (await sendMessage(transport, saveSettingsMessage, { settings })).settings,
  };
}

/** How a page starts and changes escalations: always through the background, never by writing storage. */
export interface EscalationClient {
  start(input: StartEscalationInput, by: Person): Promise<Escalation>;
  /**
   * Applies a change to the revision the page is showing. A MessageError with
   * code 'stale-revision' means another tab saved first: reload and redo.
   */
  change(escalation: Escalation, change: EscalationChange, by: Person): Promise<Escalation>;
}

export function createEscalationClient(transport: Transport): EscalationClient {
  return {
    start: async (input, by) =>
      (await sendMessage(transport, startEscalationMessage, { input, by })).escalation,
    change: async (escalation, change, by) =>
      (
        await sendMessage(transport, changeEscalationMessage, {
          id: escalation.id,
          expectedRevision: escalation.revision,
          change,
          by,
        })
      ).escalation,
  };
}
