/**
 * The editors on the demo's editors page (test/demo-site/server.mjs, /notes-editors), shared by the
 * Chromium and Firefox insertion tests, and what each test asks of the text read back through the
 * editor's own API (window.editors, the test page's hook).
 */
export interface EditorCase {
  id: string;
  /** The element a practitioner clicks into; inside `frame` when the editor is in an iframe. */
  field: string;
  frame?: string;
  /** Whether its HTML is read too, for the paragraphs the record became. */
  html?: boolean;
}

export const editorCases: EditorCase[] = [
  { id: 'react', field: '#react-note' },
  { id: 'tinymce', frame: '#tinymce_ifr', field: 'body', html: true },
  { id: 'ckeditor4', frame: '#cke_ckeditor4 iframe', field: 'body', html: true },
  { id: 'ckeditor5', field: '[data-editor=ckeditor5] .ck-editor__editable', html: true },
  { id: 'quill', field: '#quill .ql-editor' },
  { id: 'tiptap', field: '#tiptap .ProseMirror' },
  { id: 'lexical', field: '#lexical' },
  { id: 'draftjs', field: '#draftjs [contenteditable=true]' },
  { id: 'slate', field: '#slate [contenteditable=true]' },
];

export const EDITORS_PAGE = '/children/P102417/notes-editors';
export const TYPED = 'Typed before the record.';

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * What is wrong with an editor's text after the record went in: a line of the record missing or
 * out of order, or the typed text lost or not before it; undefined when all is there.
 */
export function readBackProblem(record: string, text: string, typed: string | undefined): string | undefined {
  const flat = collapse(text);
  let from = 0;
  for (const line of record.split('\n').map(collapse).filter(Boolean)) {
    const at = flat.indexOf(line, from);
    if (at === -1) return `missing or out of order: "${line}" in "${flat.slice(0, 300)}…"`;
    from = at + line.length;
  }
  const heading = collapse(record.split('\n')[0] ?? '');
  if (typed !== undefined && !(flat.indexOf(typed) >= 0 && flat.indexOf(typed) < flat.indexOf(heading))) {
    return `the typed text is not kept before the record: "${flat.slice(0, 200)}…"`;
  }
  return undefined;
}

/** An empty paragraph in an editor's HTML: the double spacing TinyMCE and CKEditor 4 used to show. */
export const EMPTY_PARAGRAPH = /<p[^>]*>(\s|&nbsp;|\u00a0|<br[^>]*>)*<\/p>/;
