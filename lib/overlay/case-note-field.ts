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
  let following: ReturnType<typeof setTimeout> | undefined;

  const remember = (target: EventTarget | null) => {
    if (isCaseNoteField(target)) world.field = { element: target };
  };
  const onFocus = (event: Event) => remember(event.target);

  // A rich editor loses its selection when focus moves to the panel, so its caret is kept as it moves.
  const keepCaret = (event: Event) => {
    const selection = (event.currentTarget as Document).getSelection();
    const field = world.field;
    if (!field || !selection?.rangeCount) return;
    const range = selection.getRangeAt(0);
    if (field.element.contains(range.commonAncestorContainer)) field.caret = range.cloneRange();
  };

  // Listeners go on again at each load of a frame and each time focus is followed into it: an editor that
  // rewrites its frame's document (CKEditor 4, with document.open) erases them. Adding one twice is a no-op.
  const watch = (document: Document) => {
    watched.add(document);
    document.addEventListener('focusin', onFocus, true);
    document.addEventListener('selectionchange', keepCaret);
    document.defaultView?.addEventListener('focus', followFocus);
  };
  const watchFrame = (target: EventTarget | null) => {
    if ((target as Element | null)?.tagName !== 'IFRAME') return;
    try {
      const inner = (target as HTMLIFrameElement).contentDocument;
      if (inner) watch(inner);
    } catch {}
  };
  const onLoad = (event: Event) => watchFrame(event.target);

  // Focus moving into a same-origin frame (TinyMCE, classic CKEditor) fires no focusin in the page, but
  // the frame's window takes the focus. The field is then found down the frames' active elements.
  // A cross-origin frame (the panel's among them) is not one we can type into, and leaves the field as it was.
  function followFocus() {
    clearTimeout(following);
    following = setTimeout(() => {
      let document = window.document;
      let active = document.activeElement;
      while (active?.tagName === 'IFRAME') {
        let inner: Document | null = null;
        try {
          inner = (active as HTMLIFrameElement).contentDocument;
        } catch {}
        if (!inner) return;
        watch(inner);
        document = inner;
        active = inner.activeElement;
      }
      // A document in design mode (an editor frame) has no focused field of its own but its body.
      remember(active ?? document.body);
    }, 0);
  }

  watch(window.document);
  for (const frame of window.document.querySelectorAll('iframe')) watchFrame(frame);
  window.document.addEventListener('load', onLoad, true);
  followFocus();

  return () => {
    clearTimeout(following);
    window.document.removeEventListener('load', onLoad, true);
    for (const document of watched) {
      document.removeEventListener('focusin', onFocus, true);
      document.removeEventListener('selectionchange', keepCaret);
      document.defaultView?.removeEventListener('focus', followFocus);
    }
    watched.clear();
  };
}
