// The editors case-record systems embed, each on the demo's editors page (server.mjs, /notes-editors),
// for the insertion e2e tests. Bundled from npm for the demo site only; nothing here is in the extension.
// window.editors is the test's read-back hook: each editor's own text, through its own API.
import { Editor as TipTap } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { ClassicEditor, Essentials, Paragraph } from 'ckeditor5';
import 'ckeditor5/ckeditor5.css';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { $getRoot, createEditor as createLexical } from 'lexical';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createEditor as createSlate, type Descendant, Node as SlateNode } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, Slate, withReact } from 'slate-react';
import { type EditorGlobals, htmlText, register } from './hooks';

const globals = window as unknown as EditorGlobals;
const element = (id: string) => document.getElementById(id) as HTMLElement;

// React-controlled textarea, the way MUI and Formik fields hold their value in state.
function ControlledNote() {
  const [value, setValue] = useState('');
  register('react', () => value);
  return (
    <textarea
      id="react-note"
      aria-labelledby="react-label"
      rows={6}
      value={value}
      onChange={(event) => setValue(event.target.value)}
    />
  );
}
createRoot(element('react')).render(<ControlledNote />);

// TinyMCE, CKEditor 4 and Quill as pages load them: their own scripts, and globals.
globals.tinymce
  .init({
    selector: '#tinymce',
    license_key: 'gpl',
    promotion: false,
    menubar: false,
    height: 220,
    iframe_aria_text: 'TinyMCE case note',
    base_url: '/vendor/tinymce',
    suffix: '.min',
  })
  .then(([editor]: { getContent(): string }[]) => {
    if (editor)
      register(
        'tinymce',
        () => htmlText(editor.getContent()),
        () => editor.getContent(),
      );
  });

// The version check would call ckeditor.com; the demo reaches no network. CKEditor 4 would also take
// over every other contenteditable on the page (Lexical's) as an inline editor of its own.
globals.CKEDITOR.config.versionCheck = false;
globals.CKEDITOR.disableAutoInline = true;
const ck4 = globals.CKEDITOR.replace('ckeditor4', {
  height: 160,
  title: 'CKEditor 4 case note',
  versionCheck: false,
});
ck4.on('instanceReady', () =>
  register(
    'ckeditor4',
    () => htmlText(ck4.getData()),
    () => ck4.getData(),
  ),
);

const quill = new globals.Quill(element('quill'), { theme: 'snow' });
register('quill', () => quill.getText());

ClassicEditor.create(element('ckeditor5'), { licenseKey: 'GPL', plugins: [Essentials, Paragraph] }).then(
  (editor) =>
    register(
      'ckeditor5',
      () => htmlText(editor.getData()),
      () => editor.getData(),
    ),
);

const tiptap = new TipTap({ element: element('tiptap'), extensions: [StarterKit] });
register('tiptap', () => tiptap.getText({ blockSeparator: '\n' }));

const lexical = createLexical({
  namespace: 'case-note',
  nodes: [HeadingNode, QuoteNode],
  onError: (error) => console.error(error),
});
element('lexical').contentEditable = 'true';
lexical.setRootElement(element('lexical'));
registerRichText(lexical);
registerHistory(lexical, createEmptyHistoryState(), 300);
register('lexical', () => lexical.getEditorState().read(() => $getRoot().getTextContent()));

const empty: Descendant[] = [{ type: 'paragraph', children: [{ text: '' }] } as Descendant];
function SlateNote() {
  const [editor] = useState(() => withReact(withHistory(createSlate())));
  register('slate', () => editor.children.map((node) => SlateNode.string(node)).join('\n'));
  return (
    <Slate editor={editor} initialValue={empty}>
      <Editable aria-label="Slate case note" />
    </Slate>
  );
}
createRoot(element('slate')).render(<SlateNote />);

// Puts back its own content a moment after any change: see server.mjs.
const reverting = element('reverting');
reverting.contentEditable = 'true';
const kept = reverting.innerHTML;
new MutationObserver(() =>
  setTimeout(() => {
    if (reverting.innerHTML !== kept) reverting.innerHTML = kept;
  }, 100),
).observe(reverting, { childList: true, subtree: true, characterData: true });
register('reverting', () => reverting.textContent ?? '');
