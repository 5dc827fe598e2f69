import { browser } from 'wxt/browser';
import { recordTextAsHtml } from '@/lib/record/document';
import type { SiteAdapter } from '@/lib/sites/selectors';
import * as z from '../schema/zod';
import { recordLanded } from './case-note-readback';
import { insertAtFocus } from './insert-in-page';
import { childCheckSchema, fieldFocusSchema, foundChildSchema, pageInsertionSchema } from './page-messages';
import type { FoundChild, InsertOutcome } from './page-protocol';
import type { PageWorld } from './page-world';
import { otherChild, type RecordChild } from './right-child';

/**
 * Runs the on-demand parts of the content script in a tab's content-script
 * world: finding the child (entrypoints/page-find-child) and focusing the
 * case-note field for an insertion (entrypoints/page-insert). Each is loaded into the page the first time
 * it is needed, which keeps the script on every page small, and its answer is
 * parsed here because that world shares a process with the host page.
 */

type PageFunction = 'findChild' | 'checkChild' | 'focusCaseNote';

const files = {
  findChild: '/page-find-child.js',
  checkChild: '/page-find-child.js',
  focusCaseNote: '/page-insert.js',
} as const satisfies Record<PageFunction, string>;

/**
 * Calls a function the on-demand script put in the page world. The browser
 * runs this on its own, so it may use nothing from around it (the world's key
 * is spelled out: PAGE_WORLD_KEY). The field is focused for an insertion only
 * after the page is asked once more, in this same turn, whether it still shows
 * the child the record is about (the confirmation the child check left:
 * lib/overlay/right-child).
 */
function callPageWorld(name: PageFunction, args: unknown[]) {
  const world = (globalThis as { [key: symbol]: PageWorld | undefined })[Symbol.for('escalation-overlay')];
  const run = world?.[name] as ((...values: unknown[]) => unknown) | undefined;
  if (!world || !run) return null;
  if (name !== 'focusCaseNote') return { value: run(...args) ?? null };
  const confirm = world.confirmChild;
  world.confirmChild = undefined;
  const refusal = confirm ? confirm() : { inserted: false, reason: 'other-child', detail: '' };
  return { value: refusal ?? run(...args) ?? null };
}

async function callInPage(tabId: number, name: PageFunction, args: unknown[]): Promise<unknown> {
  const target = { tabId, frameIds: [0] };
  const call = async () =>
    (await browser.scripting.executeScript({ target, func: callPageWorld, args: [name, args] }))[0]?.result as
      | { value: unknown }
      | null
      | undefined;
  let answer = await call();
  if (!answer) {
    await browser.scripting.executeScript({ target, files: [files[name]] });
    answer = await call();
  }
  if (!answer) throw new Error('The overlay is not running on this page.');
  return answer.value;
}

export async function findChildIn(tabId: number, adapters: SiteAdapter[]): Promise<FoundChild | null> {
  return z.parse(z.nullable(foundChildSchema), await callInPage(tabId, 'findChild', [adapters]));
}

/**
 * Asks the page, through its adapters, whether it still shows the child a
 * record is about; a refusal to give the panel when it does not (or cannot
 * say), nothing when it does. Run just before `insertCaseNoteIn`, which checks
 * again in the turn that focuses the field.
 */
export async function confirmChildIn(
  tabId: number,
  adapters: SiteAdapter[],
  expected: RecordChild,
): Promise<InsertOutcome | undefined> {
  const check = z.parse(childCheckSchema, await callInPage(tabId, 'checkChild', [adapters, expected]));
  return check.same ? undefined : otherChild(check.shows);
}

/**
 * Inserts the text at the caret of the case-note field the practitioner
 * focused last, and says "inserted" only when the field, read back once the
 * editor has settled, holds it. The field is focused in the content script's
 * world, in the same turn as the last child check; the insertion in the page's
 * own world then refuses if the page has moved to another address since.
 */
export async function insertCaseNoteIn(tabId: number, text: string): Promise<InsertOutcome> {
  const focus = z.parse(fieldFocusSchema, await callInPage(tabId, 'focusCaseNote', []));
  if (!('focused' in focus)) return focus;
  const notAccepted = { inserted: false, reason: 'not-accepted', detail: '' } as const;
  let answer: unknown;
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      world: 'MAIN',
      func: insertAtFocus,
      args: [text, recordTextAsHtml(text), focus.address],
    });
    answer = result?.result;
  } catch {
    return notAccepted;
  }
  const insertion = z.safeParse(pageInsertionSchema, answer);
  if (insertion.success && insertion.data.method === 'moved') return otherChild('');
  if (!insertion.success || insertion.data.method === 'none') return notAccepted;
  const { method, before, after } = insertion.data;
  return recordLanded(text, before, after) ? { inserted: true, method } : notAccepted;
}
