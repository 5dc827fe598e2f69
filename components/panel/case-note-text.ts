import { plural } from '@/components/shared/plural';
import type { Escalation } from '@/lib/escalation';
import type { Policy } from '@/lib/policy';
import { formatRecord, formatRecordParts, type RecordOptions } from '@/lib/record';

export type RecordChoice = 'full' | 'latest';

export const recordChoiceLabels: Record<RecordChoice, string> = {
  full: 'full record',
  latest: 'latest entry',
};

export const copiedMessage = (text: string) => `Copied ${plural(text.length, 'character')}.`;

/** The case-note text as one piece, or in parts of at most `maxLength` characters. */
export type CaseNoteText = { ok: true; parts: string[] } | { ok: false; problem: string };

export function caseNoteText(
  escalation: Escalation,
  policy: Policy,
  options: RecordOptions,
  partLength: string | undefined,
): CaseNoteText {
  if (partLength === undefined) return { ok: true, parts: [formatRecord(escalation, policy, options)] };
  const maxLength = Number(partLength.trim());
  if (!/^\d+$/.test(partLength.trim()) || maxLength < 1) {
    return {
      ok: false,
      problem: 'Enter the most characters a case note can take, as a whole number, for example 4000.',
    };
  }
  try {
    return { ok: true, parts: formatRecordParts(escalation, policy, { ...options, maxLength }) };
  } catch (error) {
    if (error instanceof RangeError) {
      return {
        ok: false,
        problem: `${maxLength} characters is too few to hold a line of the record. Enter a larger number.`,
      };
    }
    throw error;
  }
}
