import type { RecordDocument, RecordLine, RecordSection, RecordWriter } from './document';

/**
 * Splits a record into numbered parts for case-record systems that cap a
 * note's length. Parts break between sections (entries); a section too long
 * for a part breaks between its lines, and a line too long for a part breaks
 * between words, as a last resort. Every part repeats the heading with
 * "part N of M", so each can be found and read in order.
 */

/** The largest n in 0..most for which fits(n) holds; fits must hold for every smaller n. */
function largestFitting(most: number, fits: (count: number) => boolean): number {
  let low = 0;
  let high = most;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

function tooSmall(maxLength: number): RangeError {
  return new RangeError(
    `A case note of at most ${maxLength} characters cannot hold even one line of the record.`,
  );
}

/** Cuts text into chunks that each fit, between words where it can. */
function chunkText(
  text: string,
  fits: (chunk: string, index: number) => boolean,
  maxLength: number,
): string[] {
  const words = text.match(/\S+\s*|\s+/g) ?? [text];
  const chunks: string[] = [];
  let start = 0;
  while (start < words.length) {
    const index = chunks.length;
    const joined = (count: number) =>
      words
        .slice(start, start + count)
        .join('')
        .trimEnd();
    const count = largestFitting(words.length - start, (n) => fits(joined(n), index));
    if (count > 0) {
      chunks.push(joined(count));
      start += count;
      continue;
    }
    // One word longer than a whole part: cut it, but never through a surrogate pair.
    const word = words[start] ?? '';
    let cut = largestFitting(word.length, (n) => fits(word.slice(0, n), index));
    if (cut > 1 && /[\uD800-\uDBFF]/.test(word.charAt(cut - 1))) cut -= 1;
    if (cut === 0) throw tooSmall(maxLength);
    chunks.push(word.slice(0, cut));
    words[start] = word.slice(cut);
  }
  return chunks;
}

const continued = (label: string) => `${label} (continued)`;

/** Breaks one line into lines that each fit on their own. */
function piecesOfLine(
  line: RecordLine,
  fits: (line: RecordLine) => boolean,
  maxLength: number,
): RecordLine[] {
  if (fits(line)) return [line];
  switch (line.kind) {
    case 'text':
      return chunkText(line.text, (text) => fits({ kind: 'text', text }), maxLength).map((text) => ({
        kind: 'text',
        text,
      }));
    case 'field':
      return chunkText(
        line.value,
        (value, index) => fits(index === 0 ? { ...line, value } : { kind: 'text', text: value }),
        maxLength,
      ).map((value, index) => (index === 0 ? { ...line, value } : { kind: 'text', text: value }));
    case 'list': {
      const pieces: RecordLine[] = [];
      let items: string[] = [];
      const label = () => (pieces.length === 0 ? line.label : continued(line.label));
      for (const item of line.items) {
        if (fits({ kind: 'list', label: label(), items: [...items, item] })) {
          items.push(item);
          continue;
        }
        if (items.length > 0) {
          pieces.push({ kind: 'list', label: label(), items });
          items = [];
        }
        if (fits({ kind: 'list', label: label(), items: [item] })) {
          items = [item];
          continue;
        }
        for (const chunk of chunkText(
          item,
          (text) => fits({ kind: 'list', label: continued(line.label), items: [text] }),
          maxLength,
        )) {
          pieces.push({ kind: 'list', label: label(), items: [chunk] });
        }
      }
      if (items.length > 0) pieces.push({ kind: 'list', label: label(), items });
      return pieces;
    }
  }
}

/** Breaks a section into sections that each fit in a part on their own. */
function piecesOfSection(
  section: RecordSection,
  fits: (sections: RecordSection[]) => boolean,
  maxLength: number,
): RecordSection[] {
  if (fits([section])) return [section];
  const titled = (lines: RecordLine[], first: boolean): RecordSection =>
    section.title === undefined
      ? { lines }
      : { title: first ? section.title : continued(section.title), lines };
  // Measured with the longer "continued" title, so every piece fits wherever it lands.
  const lines = section.lines.flatMap((line) =>
    piecesOfLine(line, (piece) => fits([titled([piece], false)]), maxLength),
  );
  const pieces: RecordSection[] = [];
  let current: RecordLine[] = [];
  for (const line of lines) {
    if (current.length === 0 || fits([titled([...current, line], pieces.length === 0)])) {
      current.push(line);
    } else {
      pieces.push(titled(current, pieces.length === 0));
      current = [line];
    }
  }
  if (current.length > 0) pieces.push(titled(current, pieces.length === 0));
  return pieces;
}

const partLabel = (part: number, parts: number) => `part ${part} of ${parts}`;

/** The record in parts of at most `maxLength` characters; one part, unlabelled, when it fits whole. */
export function splitRecord(document: RecordDocument, writer: RecordWriter, maxLength: number): string[] {
  const whole = writer.write(document.heading, document.sections);
  if (whole.length <= maxLength) return [whole];

  // The label's length depends on how many parts there are; assume the widest label for a count of digits.
  for (let digits = 1; digits <= 6; digits++) {
    const widest = '9'.repeat(digits);
    const fits = (sections: RecordSection[]) =>
      writer.write(document.heading, sections, partLabel(Number(widest), Number(widest))).length <= maxLength;
    if (!fits([])) throw tooSmall(maxLength);

    const parts: RecordSection[][] = [];
    let current: RecordSection[] = [];
    for (const section of document.sections.flatMap((whole) => piecesOfSection(whole, fits, maxLength))) {
      if (current.length === 0 || fits([...current, section])) {
        current.push(section);
      } else {
        parts.push(current);
        current = [section];
      }
    }
    if (current.length > 0) parts.push(current);

    if (String(parts.length).length <= digits) {
      return parts.map((sections, index) =>
        writer.write(document.heading, sections, partLabel(index + 1, parts.length)),
      );
    }
  }
  throw tooSmall(maxLength);
}
