/**
 * Escalations and settings in `storage.local`: the layout, parsing with
 * quarantine, numbered migrations, the background's single writer, backups
 * and retention.
 */
export type { LocalArea, LocalChangeEvent, ManagedArea, StorageAreas } from './area';
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupFile,
  createBackup,
  type ImportMode,
  type ImportPreview,
  previewImport,
  readBackup,
} from './backup';
export { createDataClient, createEscalationClient, type DataClient, type EscalationClient } from './client';
export { createDraftStore, type DraftStore } from './drafts';
export { escalationKey, storageKeys } from './keys';
export { LocalCopy } from './local-copy';
export {
  changeEscalationMessage,
  DELETE_ALL_CONFIRMATION,
  deleteAllMessage,
  importBackupMessage,
  removeChildNamesMessage,
  saveSettingsMessage,
  startEscalationMessage,
  storageStatusMessage,
} from './messages';
export { type Migration, planMigration, STORAGE_VERSION, storageMigrations } from './migrations';
export { loadStoredData, type StoredDataSource, storedDataSource } from './reader';
export { deletionDue, endedAt, expiredEscalations } from './retention';
export { storageRoutes } from './routes';
export { type QuarantineNotice, readStoredData, type StoredData, storedEscalations } from './snapshot';
export { EscalationStore, type StoreStatus } from './store';
export { restrictToTrustedContexts } from './trusted-access';
