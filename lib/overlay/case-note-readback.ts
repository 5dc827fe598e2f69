/**
 * Judges, from the field's text read back after the editor settled, whether
 * the record is now in the case note. Editors reflow what they are given
 * (paragraphs, line breaks, non-breaking spaces), so whitespace is set aside
 * and what must hold is the rest: every character of the record, in order,
 * one more time than before the press (a note that already held the record
 * does not count).
 */

const withoutSpace = (text: string) => text.replace(/[\s\u200b\ufeff]+/g, '');

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length))
    count++;
  return count;
}

export function recordLanded(record: string, before: string, after: string): boolean {
  const wanted = withoutSpace(record);
  if (!wanted) return false;
  return occurrences(withoutSpace(after), wanted) > occurrences(withoutSpace(before), wanted);
}
