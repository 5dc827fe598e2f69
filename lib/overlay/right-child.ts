import { type FoundChild, locateChild, recordIdInUrl } from '@/lib/sites/find-child';
import type { SiteAdapter } from '@/lib/sites/selectors';
import type { ChildCheck, InsertOutcome, RecordChild } from './page-protocol';
import type { PageWorld } from './page-world';

/**
 * A record about one child must never reach another child's file. At the
 * Insert press the page is asked again, through its site adapter, which child
 * it shows; only the child the record is about lets the insertion through.
 * Runs in the content script's world, loaded on demand with the child finder
 * (entrypoints/page-find-child), so the script on every page stays small.
 */

export type { ChildCheck, RecordChild };

const inWords = (child: Pick<FoundChild, 'recordId' | 'displayName'>) =>
  (child.displayName ? `${child.displayName} (${child.recordId})` : child.recordId).slice(0, 200);

/**
 * Whether the page shows `expected`. `previousHref` is the address before the
 * latest change of address, while that change is recent (`SETTLING_MS`).
 */
export function checkChild(
  document: Document,
  href: string,
  adapters: readonly SiteAdapter[],
  expected: RecordChild,
  previousHref?: string,
): ChildCheck {
  const shown = locateChild(document, href, adapters)?.child;
  if (expected.entered) {
    // A typed reference stands for a page that names no child; a page that now names one must be that child.
    return !shown || shown.recordId === expected.recordId
      ? { same: true }
      : { same: false, shows: inWords(shown) };
  }
  if (!shown) return { same: false, shows: '' };
  if (shown.system !== expected.system || shown.recordId !== expected.recordId) {
    return { same: false, shows: inWords(shown) };
  }
  // Single-page systems change the address first and redraw the header a moment later: just after the
  // address moved to another record id, a header still showing this child is about to change.
  const adapter = adapters.find((candidate) => candidate.id === shown.adapterId);
  const before = adapter && previousHref ? recordIdInUrl(adapter, previousHref) : undefined;
  const now = adapter ? recordIdInUrl(adapter, href) : undefined;
  if (before !== undefined && now !== before) return { same: false, shows: now ?? '' };
  return { same: true };
}

/** How long after a change of address the page may still be drawing the new record (as ./navigation watches). */
export const SETTLING_MS = 3000;

/** Remembers the page's address; returns the one before while the latest change is recent. */
function followAddress(window: Window, now: () => number) {
  let address = { href: window.location.href, previous: undefined as string | undefined, at: 0 };
  return () => {
    const href = window.location.href;
    if (href !== address.href) address = { href, previous: address.href, at: now() };
    return now() - address.at < SETTLING_MS ? address.previous : undefined;
  };
}

/**
 * Calls `onChange` when the elements around the child's id and name change or
 * leave the page (a header band redrawn for another child without a change of
 * address), at most every `throttleMs`. Returns the function that stops watching.
 */
export function watchIdArea(
  window: Window,
  area: readonly Element[],
  onChange: () => void,
  throttleMs = 150,
): () => void {
  const body = window.document.body;
  if (area.length === 0 || !body) return () => undefined;
  let timer: number | undefined;
  const observer = new MutationObserver((records) => {
    const touched = area.some(
      (element) => !element.isConnected || records.some((record) => element.contains(record.target)),
    );
    if (!touched || timer !== undefined) return;
    timer = window.setTimeout(() => {
      timer = undefined;
      onChange();
    }, throttleMs);
  });
  observer.observe(body, { childList: true, subtree: true, characterData: true });
  return () => {
    observer.disconnect();
    if (timer !== undefined) window.clearTimeout(timer);
  };
}

/**
 * The finder's functions in the content script's world. Finding the child also
 * watches its id area; checking it before an insertion leaves a one-time
 * confirmation that the insertion call runs again in its own turn
 * (./page-scripts), so a page that changes child between the two is caught.
 */
export function installChildFinder(world: PageWorld, window: Window, now = Date.now): void {
  const previousAddress = followAddress(window, now);
  world.findChild = (adapters) => {
    previousAddress();
    const located = locateChild(window.document, window.location.href, adapters);
    world.unwatch?.();
    world.unwatch = watchIdArea(window, located?.area ?? [], () => world.changed?.());
    return located?.child;
  };
  world.checkChild = (adapters, expected) => {
    const check = () =>
      checkChild(window.document, window.location.href, adapters, expected, previousAddress());
    const first = check();
    world.confirmChild = first.same
      ? () => {
          const again = check();
          return again.same ? undefined : otherChild(again.shows);
        }
      : undefined;
    return first;
  };
}

export const otherChild = (shows: string): InsertOutcome => ({
  inserted: false,
  reason: 'other-child',
  detail: shows,
});
