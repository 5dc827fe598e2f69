import { isCaseNoteField } from './case-note-field';
import type { InsertOutcome } from './page-protocol';
import type { PageWorld } from './page-world';
import { panelObstruction } from './visibility';

/**
 * Types the panel's text into the case-note field the practitioner focused
 * last, at its caret, as if typed: execCommand('insertText') fires the
 * beforeinput and input events editors and frameworks listen for, so the
 * host's own save picks it up. Where that does nothing, the native value
 * setter plus an input event (React ignores a bare `value` set) or a DOM
 * insertion plus an input event stands in. Runs only for the panel's Insert
 * press, and refuses when the press cannot have come from our own visible panel.
 */
export function insertCaseNote(world: PageWorld, text: string): InsertOutcome {
  const panel = world.panel;
  const frame = panel?.frame();
  if (!panel || !frame || !panel.hasFocus()) return { inserted: false, reason: 'not-from-panel', detail: '' };
  const obstruction = panelObstruction(panel.host, frame);
  if (obstruction) return { inserted: false, reason: 'panel-hidden', detail: obstruction };
  const field = world.field;
  if (!field?.element.isConnected || !isCaseNoteField(field.element)) {
    return { inserted: false, reason: 'no-field', detail: '' };
  }
  if (field.element.tagName === 'TEXTAREA' || field.element.tagName === 'INPUT') {
    insertIntoControl(field.element as TextControl, text);
  } else {
    insertIntoEditor(field.element, field.caret, text);
  }
  return { inserted: true };
}

type TextControl = HTMLTextAreaElement | HTMLInputElement;

/** Typing through the browser's editing commands, where the browser still has them (they are deprecated). */
const typeInto = (document: Document, text: string) =>
  typeof document.execCommand === 'function' && document.execCommand('insertText', false, text);

function focusWithin(element: HTMLElement) {
  element.ownerDocument.defaultView?.focus();
  element.focus({ preventScroll: true });
}

function insertIntoControl(control: TextControl, text: string) {
  const start = control.selectionStart ?? control.value.length;
  const end = control.selectionEnd ?? start;
  const before = control.value;
  focusWithin(control);
  control.setSelectionRange(start, end);
  if (typeInto(control.ownerDocument, text) && control.value !== before) return;
  // React tracks `value` on the element itself, so only the prototype's own setter makes it see the change.
  const view = control.ownerDocument.defaultView as Window & typeof globalThis;
  const prototype = control.tagName === 'TEXTAREA' ? view.HTMLTextAreaElement : view.HTMLInputElement;
  const setValue = Object.getOwnPropertyDescriptor(prototype.prototype, 'value')?.set;
  const next = before.slice(0, start) + text + before.slice(end);
  if (setValue) setValue.call(control, next);
  else control.value = next;
  control.setSelectionRange(start + text.length, start + text.length);
  control.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

/** Where typing lands in an editor that was focused but never given a caret. */
function endOf(editor: HTMLElement): Range {
  const range = editor.ownerDocument.createRange();
  range.selectNodeContents(editor);
  range.collapse(false);
  return range;
}

function insertIntoEditor(editor: HTMLElement, savedRange: Range | undefined, text: string) {
  const document = editor.ownerDocument;
  const selection = document.getSelection();
  focusWithin(editor);
  const range = savedRange ?? endOf(editor);
  selection?.removeAllRanges();
  selection?.addRange(range);
  const before = editor.innerHTML;
  if (typeInto(document, text) && editor.innerHTML !== before) return;
  range.deleteContents();
  const fragment = document.createDocumentFragment();
  text.split('\n').forEach((line, index) => {
    if (index > 0) fragment.append(document.createElement('br'));
    fragment.append(document.createTextNode(line));
  });
  const last = fragment.lastChild;
  range.insertNode(fragment);
  if (last && selection) {
    range.setStartAfter(last);
    range.collapse(true);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  const view = document.defaultView as Window & typeof globalThis;
  editor.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}
