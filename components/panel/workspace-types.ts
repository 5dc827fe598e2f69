import type { Escalation } from '@/lib/escalation';
import type { Policy } from '@/lib/policy';
import type { SaveSettings, Settings } from '@/lib/settings';
import type { DraftStore, EscalationClient } from '@/lib/storage';

/**
 * What the panel page hands the escalation workspace. Each stands for a
 * browser feature the page owns (the clipboard, the overlay's insertion into
 * the host page, storage.session), so the components never touch browser APIs.
 */

/** The child whose record is on screen, as the page found it. */
export interface ChildOnPage {
  /** The case-record system, e.g. "Liquidlogic LCS". */
  system: string;
  recordId: string;
  displayName?: string;
  recordUrl?: string;
}

export type InsertResult = { ok: true } | { ok: false; reason: string };

export interface CaseNoteBridge {
  copy(text: string): Promise<void>;
  /** Inserts into the case-note field last focused on the host page; the reason says why not. */
  insert(text: string): Promise<InsertResult>;
}

/** Keeps a half-typed form across the panel closing and reopening. What comes back is untrusted. */
export type { DraftStore };

/** What starting an escalation needs: the child, the settings and policy in force, and where to save. */
export interface StartEscalationProps {
  child: ChildOnPage;
  settings: Settings;
  policy: Policy;
  client: EscalationClient;
  saveSettings?: SaveSettings;
  now: () => Date;
  draftStore: DraftStore;
  onCancel(): void;
  onStarted(escalation: Escalation): void;
}
