import type { PageWorld } from './page-world';

/**
 * Remembers the case-note field the practitioner last focused: a textarea, a
 * text input, a contenteditable editor, or one inside a same-origin iframe
 * (the insertion itself is in ./insert-case-note, run only on the Insert press).
 */

const TEXT_INPUT_TYPES = new Set(['text', 'search', '']);

export function isCaseNoteField(target: EventTarget | null): target is HTMLElement {
  const element = target as HTMLElement | null;
  if (!element?.tagName) return false;
  if (element.tagName === 'TEXTAREA' || element.tagName === 'INPUT') {
    const control = element as HTMLInputElement;
    const typed = element.tagName === 'TEXTAREA' || TEXT_INPUT_TYPES.has(control.getAttribute('type') ?? '');
    return typed && !control.readOnly && !control.disabled;
  }
  return element.isContentEditable || element.ownerDocument.designMode === 'on';
}

/** Keeps `world.field` up to date; returns the function that stops. */
export function trackCaseNoteFields(window: Window, world: PageWorld): () => void {
  const watched = new Set<Document>();
  const stops: (() => void)[] = [];

  const remember = (target: EventTarget | null) => {
    if (isCaseNoteField(target)) world.field = { element: target };
  };

  // A rich editor loses its selection when focus moves to the panel, so its caret is kept as it moves.
  const keepCaret = (document: Document) => () => {
    const selection = document.getSelection();
    const field = world.field;
    if (!field || field.element.ownerDocument !== document || !selection?.rangeCount) return;
    const range = selection.getRangeAt(0);
    if (field.element.contains(range.commonAncestorContainer)) field.caret = range.cloneRange();
  };

  const watch = (document: Document) => {
    if (watched.has(document)) return;
    watched.add(document);
    const onFocus = (event: Event) => remember(event.target);
    const onSelection = keepCaret(document);
    document.addEventListener('focusin', onFocus, true);
    document.addEventListener('selectionchange', onSelection);
    stops.push(() => {
      document.removeEventListener('focusin', onFocus, true);
      document.removeEventListener('selectionchange', onSelection);
    });
    // A document in design mode (an editor frame) has no focusin of its own field.
    if (document.designMode === 'on' || document.body?.isContentEditable) remember(document.body);
  };

  // Editors inside same-origin frames (classic CKEditor, TinyMCE) are watched in their own documents:
  // the frames there now, and each frame as it loads. A cross-origin frame is not one we can type into.
  const watchFrame = (target: EventTarget | null) => {
    try {
      const inner = (target as HTMLIFrameElement | null)?.contentDocument;
      if (inner) watch(inner);
    } catch {}
  };
  const onLoad = (event: Event) => {
    if ((event.target as Element | null)?.tagName === 'IFRAME') watchFrame(event.target);
  };

  watch(window.document);
  remember(window.document.activeElement);
  for (const frame of window.document.querySelectorAll('iframe')) watchFrame(frame);
  window.document.addEventListener('load', onLoad, true);
  stops.push(() => window.document.removeEventListener('load', onLoad, true));

  return () => {
    for (const stop of stops.splice(0)) stop();
    watched.clear();
  };
}
