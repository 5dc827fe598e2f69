/**
 * The insertion itself, run by the background in the page's own (MAIN) world,
 * the only world where the editors' objects are visible (CKEditor 5's
 * `ckeditorInstance`, `CKEDITOR`, `tinymce`, `Quill`). The browser serialises
 * the function with toString, so it uses nothing from around it: no imports,
 * no helpers of this module (insert-in-page.test.ts rebuilds it from its
 * source to keep it so). The target comes through focus, which the content
 * script gave the practitioner's field after its own checks; nothing the page
 * could read or forge names it. The page can see this world, so it gets only
 * the text that is going into its field anyway, and the answer is parsed and
 * judged by the background (./case-note-readback).
 */

/**
 * How the text went in, for the README's table and the tests; 'none' when no
 * field had focus; 'moved' when the page had moved to another address since
 * the content script checked the child, so nothing went in.
 */
export type InsertMethod =
  | 'value'
  | 'ckeditor5'
  | 'ckeditor4'
  | 'tinymce'
  | 'quill'
  | 'paste'
  | 'typing'
  | 'none'
  | 'moved';

/** The field's text before and after the insertion, read the editor's way once it has settled. */
export interface PageInsertion {
  method: InsertMethod;
  before: string;
  after: string;
}

interface CkEditor5 {
  getData(): string;
  model: { change(callback: () => void): void; insertContent(content: unknown): void };
  data: { processor: { toView(html: string): unknown }; toModel(view: unknown): unknown };
}
interface CkEditor4 {
  editable(): { $: Element } | null;
  insertHtml(html: string): void;
  getData(): string;
}
interface TinyEditor {
  getBody(): Element | null;
  insertContent(html: string): void;
  getContent(): string;
}
interface QuillEditor {
  getSelection(focus: boolean): { index: number; length: number } | null;
  getLength(): number;
  deleteText(index: number, length: number, source: string): void;
  getText(): string;
  clipboard: { dangerouslyPasteHTML(index: number, html: string, source: string): void };
}
interface EditorGlobals {
  CKEDITOR?: { instances?: Record<string, CkEditor4> };
  tinymce?: { get?: () => TinyEditor[] };
  Quill?: { find?: (node: Node) => unknown } & (new (...args: never[]) => QuillEditor);
}

export async function insertAtFocus(text: string, html: string, address: string): Promise<PageInsertion> {
  // The child was checked at this address a moment ago; a page that has moved on since may show another.
  if (window.location.href !== address) return { method: 'moved', before: '', after: '' };
  // The focused field, inside same-origin frames (TinyMCE's, CKEditor 4's) where the focus is in one.
  let document = window.document;
  let field = document.activeElement as HTMLElement | null;
  while (field?.tagName === 'IFRAME') {
    let inner: Document | null = null;
    try {
      inner = (field as HTMLIFrameElement).contentDocument;
    } catch {}
    if (!inner) break;
    document = inner;
    field = (inner.activeElement ?? inner.body) as HTMLElement | null;
  }
  const view = document.defaultView as (Window & typeof globalThis) | null;
  if (!field || !view) return { method: 'none', before: '', after: '' };

  const textOf = (markup: string) =>
    new DOMParser().parseFromString(markup, 'text/html').body.textContent ?? '';
  // Editors redraw from their own model after a change (CKEditor 5 within a few hundred ms): read after that.
  const settled = () =>
    new Promise<void>((resolve) => {
      const done = () => setTimeout(resolve, 400);
      // A page can stop frames (a background tab) or replace requestAnimationFrame: then time alone.
      const fallback = setTimeout(done, 200);
      try {
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            clearTimeout(fallback);
            done();
          }),
        );
      } catch {}
    });
  const around = <T>(start: Element | null, pick: (element: Element) => T | undefined): T | undefined => {
    for (let element = start; element; element = element.parentElement) {
      const found = pick(element);
      if (found) return found;
    }
    return undefined;
  };
  const globals = window as unknown as EditorGlobals;

  if (field.tagName === 'TEXTAREA' || field.tagName === 'INPUT') {
    // React and the form libraries built on it (MUI, Formik) see a change only through the prototype's setter.
    const control = field as HTMLTextAreaElement;
    const before = control.value;
    const start = control.selectionStart ?? before.length;
    const end = control.selectionEnd ?? start;
    const prototype = field.tagName === 'TEXTAREA' ? view.HTMLTextAreaElement : view.HTMLInputElement;
    const setValue = Object.getOwnPropertyDescriptor(prototype.prototype, 'value')?.set;
    const next = before.slice(0, start) + text + before.slice(end);
    if (setValue) setValue.call(control, next);
    else control.value = next;
    control.setSelectionRange(start + text.length, start + text.length);
    control.dispatchEvent(
      new view.InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: text }),
    );
    control.dispatchEvent(new view.Event('change', { bubbles: true }));
    await settled();
    return { method: 'value', before, after: control.value };
  }
  if (!field.isContentEditable && document.designMode !== 'on')
    return { method: 'none', before: '', after: '' };

  const ckeditor5 = around(
    field,
    (element) => (element as Element & { ckeditorInstance?: CkEditor5 }).ckeditorInstance,
  );
  if (ckeditor5 && typeof ckeditor5.model?.change === 'function' && ckeditor5.data?.processor) {
    const before = textOf(ckeditor5.getData());
    ckeditor5.model.change(() => {
      ckeditor5.model.insertContent(ckeditor5.data.toModel(ckeditor5.data.processor.toView(html)));
    });
    await settled();
    return { method: 'ckeditor5', before, after: textOf(ckeditor5.getData()) };
  }
  const ckeditor4 = Object.values(globals.CKEDITOR?.instances ?? {}).find((editor) => {
    const editable = editor.editable?.()?.$;
    return editable === field || !!editable?.contains(field);
  });
  if (ckeditor4) {
    const before = textOf(ckeditor4.getData());
    ckeditor4.insertHtml(html);
    await settled();
    return { method: 'ckeditor4', before, after: textOf(ckeditor4.getData()) };
  }
  const tinymce = (globals.tinymce?.get?.() ?? []).find((editor) => {
    const body = editor.getBody();
    return body === field || !!body?.contains(field);
  });
  if (tinymce) {
    const before = textOf(tinymce.getContent());
    tinymce.insertContent(html);
    await settled();
    return { method: 'tinymce', before, after: textOf(tinymce.getContent()) };
  }
  const Quill = globals.Quill;
  const quill =
    typeof Quill?.find === 'function'
      ? around(field, (element) => {
          const found = Quill.find?.(element);
          return found instanceof Quill ? found : undefined;
        })
      : undefined;
  if (quill) {
    const before = quill.getText();
    const range = quill.getSelection(true) ?? { index: quill.getLength() - 1, length: 0 };
    if (range.length > 0) quill.deleteText(range.index, range.length, 'user');
    quill.clipboard.dangerouslyPasteHTML(range.index, html, 'user');
    await settled();
    return { method: 'quill', before, after: quill.getText() };
  }

  // No editor API in reach: an editor that owns its document (ProseMirror/TipTap, Lexical, Draft.js,
  // Slate) takes a paste; the browser's own typing is the last resort.
  let host: HTMLElement = field;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  const before = host.textContent ?? '';
  const paste = (types: [string, string][]) => {
    const event = new view.ClipboardEvent('paste', {
      clipboardData: new view.DataTransfer(),
      bubbles: true,
      cancelable: true,
    });
    // Firefox gives the event a DataTransfer of its own, empty, so the data goes into the event's.
    for (const [type, value] of types) event.clipboardData?.setData(type, value);
    field.dispatchEvent(event);
    return event.defaultPrevented;
  };
  // Slate takes a paste with HTML only through beforeinput, which a page cannot fake, but takes plain text.
  const pasted =
    paste([
      ['text/plain', text],
      ['text/html', html],
    ]) || paste([['text/plain', text]]);
  if (!pasted && typeof document.execCommand === 'function') document.execCommand('insertText', false, text);
  await settled();
  return { method: pasted ? 'paste' : 'typing', before, after: host.textContent ?? '' };
}
