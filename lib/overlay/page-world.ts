import type { SiteAdapter } from '@/lib/sites/selectors';
import type { ChildCheck, FieldFocus, FoundChild, InsertOutcome, RecordChild } from './page-protocol';

/**
 * What the content script shares with the two scripts the background runs in
 * the same content-script world on demand (finding the child; inserting a case
 * note), so the script on every page stays small. It is a global of that world:
 * the host page cannot see it.
 */
export interface PageWorld {
  /** Stops the running copy of the content script. */
  stop?: () => void;
  /** The overlay's own elements, for the checks before an insertion. */
  panel?: { host: Element; frame(): HTMLIFrameElement | undefined; hasFocus(): boolean };
  /** The case-note field the practitioner focused last, and where their caret was in a rich editor. */
  field?: { element: HTMLElement; caret?: Range | undefined };
  findChild?: (adapters: SiteAdapter[]) => FoundChild | undefined;
  /** Tells the background the page changed (the content script's own function). */
  changed?: () => void;
  /** Stops watching the area around the child's id. */
  unwatch?: () => void;
  /** At the Insert press: does the page still show the child the record is about? */
  checkChild?: (adapters: SiteAdapter[], expected: RecordChild) => ChildCheck;
  /** Left by a passing `checkChild` for the focusing before an insertion alone: a refusal if the child has changed since. */
  confirmChild?: (() => InsertOutcome | undefined) | undefined;
  /** Gives the practitioner's field the focus and its caret back, for the insertion in the page's world. */
  focusCaseNote?: () => FieldFocus;
}

/** Also spelled out in lib/overlay/page-scripts.ts, inside a function the browser runs on its own. */
export const PAGE_WORLD_KEY = 'escalation-overlay';

type WithWorld = { [key: symbol]: PageWorld | undefined };

export function pageWorld(): PageWorld {
  const key = Symbol.for(PAGE_WORLD_KEY);
  (globalThis as WithWorld)[key] ??= {};
  return (globalThis as WithWorld)[key] as PageWorld;
}

/** A fresh world for a new copy of the content script, after stopping the old one. */
export function renewPageWorld(): PageWorld {
  pageWorld().stop?.();
  (globalThis as WithWorld)[Symbol.for(PAGE_WORLD_KEY)] = {};
  return pageWorld();
}
