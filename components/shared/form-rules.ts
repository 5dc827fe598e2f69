import { MessageError } from '@/lib/messaging';

/** Messages to show next to fields, by the field's key ("agency", "facts.0.source"). */
export type FieldErrors = Record<string, string>;

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/**
 * The rows of a repeating group that were filled in. A row left wholly empty
 * is dropped (an untouched spare row is not a mistake); a row filled in part
 * gets a message on each required field still empty, keyed by its place on
 * screen. Callers trim the values as they map rows to the input.
 */
export function filledRows<Key extends string, Row extends Record<Key, string>>(
  rows: readonly Row[],
  keys: readonly Key[],
  prefix: string,
  required: Partial<Record<Key, string>>,
  errors: FieldErrors,
): Row[] {
  return rows.flatMap((row, index) => {
    if (keys.every((key) => row[key].trim() === '')) return [];
    for (const key of keys) {
      const message = required[key];
      if (message && row[key].trim() === '') errors[`${prefix}.${index}.${key}`] = message;
    }
    return [row];
  });
}

/** Sets a message when a required answer is blank; returns the trimmed answer. */
export function requiredText(value: string, key: string, message: string, errors: FieldErrors): string {
  const trimmed = value.trim();
  if (trimmed === '') errors[key] = message;
  return trimmed;
}

/** A trimmed optional answer, left out when blank. */
export function optionalText(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * A refusal in the practitioner's words. A stale edit is explained as a
 * change made elsewhere, since the latest copy is what the panel now shows.
 */
export function refusalMessage(error: unknown): string {
  if (error instanceof MessageError && error.code === 'stale-revision') {
    return 'Changed elsewhere: this escalation was changed in another tab or window before your change was saved, so your change was not saved. The panel now shows the latest version; check it, then make your change again.';
  }
  if (error instanceof Error && error.message) return error.message;
  return 'That did not work. Please try again.';
}
