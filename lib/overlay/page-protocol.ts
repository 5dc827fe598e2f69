/**
 * The names and shapes of the messages between the content script and the
 * background, free of zod so the content script can use them and stay small.
 * The background declares and validates the same messages with lib/messaging
 * in ./page-messages. Nothing here carries escalation data: the page side only
 * ever receives the panel's layout (and, through ./page-scripts, site adapters
 * and the text to insert).
 */

import type { FoundChild } from '@/lib/sites/find-child';
import type { InsertMethod } from './insert-in-page';

export const pageMessageTypes = {
  /** content script → background, at start: what it needs to run. */
  hello: 'page/hello',
  /** content script → background: the page changed (loaded, navigated in-page, redrawn); find the child again. */
  changed: 'page/changed',
  /** content script → background: the panel was opened, closed or resized. */
  layout: 'page/layout',
  /** background → content script: open, close or toggle the panel (toolbar, shortcut). */
  show: 'overlay/show',
  /** background → content script: the site was turned off; remove everything. */
  remove: 'overlay/remove',
  /** background → content script: is the overlay running in this page already? */
  running: 'overlay/running',
} as const;

/** The keyboard shortcut's command (manifest `commands`). */
export const TOGGLE_PANEL_COMMAND = 'toggle-panel';

export interface OverlayLayout {
  open: boolean;
  /** The panel's width in CSS pixels. */
  width: number;
}

export const PANEL_WIDTH = { min: 300, default: 420, max: 900 } as const;

/**
 * 'not-accepted': the field, read back once the editor settled, does not hold the text.
 * 'other-child': the page no longer shows the child the record is about.
 */
export type InsertRefusal = 'no-field' | 'panel-hidden' | 'not-from-panel' | 'not-accepted' | 'other-child';
/**
 * `detail` says what the page did to the panel, for 'panel-hidden'; for
 * 'other-child', which record the page shows now (empty when it shows none we can read).
 */
export type InsertOutcome =
  | { inserted: true; method: InsertMethod }
  | { inserted: false; reason: InsertRefusal; detail: string };
/**
 * The content script's answer before the insertion: the practitioner's field has the focus (on the page
 * at `address`, where the child was checked), or why not.
 */
export type FieldFocus = { focused: true; address: string } | Extract<InsertOutcome, { inserted: false }>;
export type { FoundChild, InsertMethod };

/** Why an insertion was refused, in the practitioner's words, with what to do instead. */
export function insertRefusalReason(outcome: Exclude<InsertOutcome, { inserted: true }>): string {
  switch (outcome.reason) {
    case 'no-field':
      return 'no case-note field was selected on the page. Click in the case note on the page, then press Insert again, or copy the text and paste it.';
    case 'panel-hidden':
      return `${outcome.detail}. Insertion is blocked while the page hides or covers this panel; copy the text instead.`;
    case 'not-from-panel':
      return 'press Insert in the panel beside the page.';
    case 'other-child':
      return outcome.detail
        ? `the page now shows the record of ${outcome.detail}, not the child this record is about. Nothing was put into the page. Open this child’s record, or the escalation for the child shown, and press Insert again.`
        : 'the page no longer shows which child’s record it is, so it cannot be checked that this record belongs there. Nothing was put into the page. Open this child’s record and press Insert again.';
    case 'not-accepted':
      return 'this case-note editor did not take the text.';
  }
}

/** What to do when the editor did not take the text: paste it, from the clipboard if it could be copied. */
export function pasteInstead(copied: boolean): string {
  return copied
    ? 'The text is copied: click in the case note and paste it with Ctrl+V (⌘V on a Mac).'
    : 'Press Copy instead, then click in the case note and paste it with Ctrl+V (⌘V on a Mac).';
}

/** The child a case-note record is about, as the panel knows them. */
export interface RecordChild {
  recordId: string;
  /** The case-record system the child was found in; absent for a reference typed by hand. */
  system?: string | undefined;
  /** The practitioner typed the reference because the page showed none. */
  entered: boolean;
}

/** What the page shows, in the practitioner's words: "Jayden Okonkwo-Reid (P100871)"; empty when it shows no child we can read. */
export type ChildCheck = { same: true } | { same: false; shows: string };
