/**
 * A case-note record before it is written out: a heading and a list of
 * sections. Text and HTML are two ways of writing the same record, and
 * splitting into parts works on sections so that a part never ends half-way
 * through an entry unless the entry alone is too long.
 */

export type RecordLine =
  /** "Label: value". */
  | { kind: 'field'; label: string; value: string }
  /** A sentence standing on its own. */
  | { kind: 'text'; text: string }
  /** "Label:" followed by one bullet per item. */
  | { kind: 'list'; label: string; items: string[] };

export interface RecordSection {
  /** Written in capitals in plain text, so it stands out in a case-note field. */
  title?: string;
  lines: RecordLine[];
}

export interface RecordDocument {
  heading: string;
  sections: RecordSection[];
}

export interface RecordWriter {
  /** Writes the record, or one part of it; `partLabel` is e.g. "part 2 of 3". */
  write(heading: string, sections: RecordSection[], partLabel?: string): string;
}

function headingWithPart(heading: string, partLabel: string | undefined): string {
  return partLabel === undefined ? heading : `${heading} (${partLabel})`;
}

function textLine(line: RecordLine): string {
  switch (line.kind) {
    case 'field':
      return `${line.label}: ${line.value}`;
    case 'text':
      return line.text;
    case 'list':
      return [`${line.label}:`, ...line.items.map((item) => `- ${item}`)].join('\n');
  }
}

/** Plain text for any case-note field: capitalised section titles, a blank line between sections. */
export const plainTextWriter: RecordWriter = {
  write(heading, sections, partLabel) {
    const written = sections.map((section) =>
      [
        ...(section.title === undefined ? [] : [section.title.toUpperCase()]),
        ...section.lines.map(textLine),
      ].join('\n'),
    );
    return [headingWithPart(heading, partLabel), ...written].join('\n\n');
  },
};

const htmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML; a practitioner's line breaks are kept. */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (character) => htmlEntities[character] ?? character)
    .replace(/\r?\n/g, '<br>');
}

/**
 * The record's text as HTML for rich-text editors, reading exactly like the
 * text: one paragraph per section (the text's blank lines), a line break for
 * each line within it, no empty paragraphs, every character escaped.
 */
export function recordTextAsHtml(text: string): string {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .filter((section) => section.trim() !== '')
    .map((section) => `<p>${escapeHtml(section.replace(/^(\r?\n)+|(\r?\n)+$/g, ''))}</p>`)
    .join('');
}

/** HTML for rich-text case-note editors: the plain text, paragraph by section. */
export const htmlWriter: RecordWriter = {
  write: (heading, sections, partLabel) =>
    recordTextAsHtml(plainTextWriter.write(heading, sections, partLabel)),
};
