/**
 * The escalation written as a case note for the child's file in the
 * case-record system: plain text or HTML, whole or in numbered parts.
 */
import type { Escalation } from '../escalation';
import type { Policy } from '../policy';
import { composeRecord, type RecordOptions } from './compose';
import { htmlWriter, plainTextWriter } from './document';
import { splitRecord } from './split';

export { type RecordOptions, recordHeading } from './compose';
export { recordTextAsHtml } from './document';

/** Plain text for any case-note field. The same escalation, policy and `now` always give the same text. */
export function formatRecord(escalation: Escalation, policy: Policy, options: RecordOptions): string {
  const record = composeRecord(escalation, policy, options);
  return plainTextWriter.write(record.heading, record.sections);
}

/** HTML for rich-text case-note editors; every entered string is escaped. */
export function formatRecordHtml(escalation: Escalation, policy: Policy, options: RecordOptions): string {
  const record = composeRecord(escalation, policy, options);
  return htmlWriter.write(record.heading, record.sections);
}

export interface RecordPartsOptions extends RecordOptions {
  /** The most characters the case-record system takes in one note. */
  maxLength: number;
  format?: 'text' | 'html';
}

/**
 * The record in numbered parts ("part 2 of 3") of at most `maxLength`
 * characters each, split between entries; a single part, unnumbered, when it
 * fits. Throws a RangeError when `maxLength` cannot hold even one line.
 */
export function formatRecordParts(
  escalation: Escalation,
  policy: Policy,
  options: RecordPartsOptions,
): string[] {
  const record = composeRecord(escalation, policy, options);
  return splitRecord(record, options.format === 'html' ? htmlWriter : plainTextWriter, options.maxLength);
}
