import { isCaseNoteField } from './case-note-field';
import type { FieldFocus } from './page-protocol';
import type { PageWorld } from './page-world';
import { panelObstruction } from './visibility';

/**
 * The content script's half of the panel's Insert press: refuses when the
 * press cannot have come from our own visible panel or no case-note field was
 * focused, and otherwise gives the field the practitioner focused last the
 * focus again, with its caret where it was. The insertion itself then runs in
 * the page's own world, where the editors' objects are (./insert-in-page),
 * and finds the field by that focus alone.
 */
export function focusCaseNote(world: PageWorld): FieldFocus {
  const panel = world.panel;
  const frame = panel?.frame();
  if (!panel || !frame || !panel.hasFocus()) return { inserted: false, reason: 'not-from-panel', detail: '' };
  const obstruction = panelObstruction(panel.host, frame);
  if (obstruction) return { inserted: false, reason: 'panel-hidden', detail: obstruction };
  const field = world.field;
  if (!field?.element.isConnected || !isCaseNoteField(field.element)) {
    return { inserted: false, reason: 'no-field', detail: '' };
  }
  const element = field.element;
  const frameElement = element.ownerDocument.defaultView?.frameElement as HTMLElement | null | undefined;
  // An editor in a frame: the frame takes the focus in the page first, so the page's activeElement leads to it.
  frameElement?.focus({ preventScroll: true });
  element.ownerDocument.defaultView?.focus();
  element.focus({ preventScroll: true });
  if (element.tagName !== 'TEXTAREA' && element.tagName !== 'INPUT') {
    // A rich editor can lose its selection when focus moves to the panel; the text goes at its last caret,
    // the selection it still has, or the end of its last paragraph.
    const selection = element.ownerDocument.getSelection();
    const current = selection?.rangeCount ? selection.getRangeAt(0) : undefined;
    const caret = field.caret?.startContainer.isConnected
      ? field.caret
      : current && element.contains(current.commonAncestorContainer)
        ? current
        : endOf(element);
    selection?.removeAllRanges();
    selection?.addRange(caret);
  }
  return { focused: true, address: window.location.href };
}

/** Where typing lands in an editor that was focused but never given a caret: in its last block, not after it. */
function endOf(editor: HTMLElement): Range {
  let last: Element = editor;
  while (last.lastElementChild && last.lastElementChild.tagName !== 'BR') last = last.lastElementChild;
  const range = editor.ownerDocument.createRange();
  range.selectNodeContents(last);
  range.collapse(false);
  return range;
}
