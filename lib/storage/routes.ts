import { type Route, route } from '../messaging';
import {
  changeEscalationMessage,
  clearKeptReturnsMessage,
  deleteAllMessage,
  importBackupMessage,
  removeChildNamesMessage,
  saveSettingsMessage,
  startEscalationMessage,
  storageStatusMessage,
} from './messages';
import type { EscalationStore } from './store';

/** The background's answers to every storage write message. */
export function storageRoutes(store: EscalationStore): Route[] {
  return [
    route(startEscalationMessage, async ({ input, by }) => ({
      escalation: await store.startEscalation(input, by),
    })),
    route(changeEscalationMessage, async ({ id, expectedRevision, change, by }) => ({
      escalation: await store.changeEscalation(id, expectedRevision, change, by),
    })),
    route(saveSettingsMessage, async ({ changes, reset }) => ({
      settings: await store.saveSettings(changes, reset),
    })),
    route(deleteAllMessage, async () => ({ deletedEscalations: await store.deleteAll() })),
    route(clearKeptReturnsMessage, async () => ({ cleared: await store.clearKeptReturns() })),
    route(removeChildNamesMessage, async () => ({ removedNames: await store.removeChildNames() })),
    route(importBackupMessage, ({ text, mode }) => store.importBackup(text, mode)),
    route(storageStatusMessage, () => store.open()),
  ];
}
