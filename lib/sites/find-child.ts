import { BAND_HEADINGS, DEFAULT_ID_FORMAT, NOT_PAGE_TEXT, type SiteAdapter } from './selectors';

/**
 * Finds which child a case-record page is about, by the first adapter that
 * yields a record id. Runs in the content script, so it stays small and never
 * throws on a strange page: a bad selector or pattern only means "not found".
 */

/** The child a page shows. The name is only for the practitioner to see beside the panel. */
export interface FoundChild {
  adapterId: string;
  system: string;
  recordId: string;
  displayName?: string;
  /** The page the child was found on, to open their record again later. */
  recordUrl: string;
}

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const labelText = (text: string) =>
  clean(text)
    .replace(/\s*[:：-]$/, '')
    .toLowerCase();

function regex(source: string | undefined): RegExp | undefined {
  try {
    return source ? new RegExp(source, 'i') : undefined;
  } catch {
    return undefined;
  }
}

function select(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** The first selected element's text that passes `accept`. */
function bySelectors(document: Document, selectors: string[] = [], accept: (text: string) => boolean) {
  for (const selector of selectors) {
    for (const element of select(document, selector)) {
      const text = clean(element.textContent);
      if (text && accept(text)) return { text, element };
    }
  }
  return undefined;
}

/** The value shown beside a label element: its definition, the next cell, the labelled control or the next element. */
function valueBeside(label: Element): string {
  // A label wrapped in its own element (<dt><span>Person ID</span></dt>) is read from the outermost wrapper.
  let element = label;
  const text = clean(label.textContent);
  while (
    !element.nextElementSibling &&
    element.parentElement &&
    clean(element.parentElement.textContent) === text
  ) {
    element = element.parentElement;
  }
  const control = element.tagName === 'LABEL' ? (element as HTMLLabelElement).control : null;
  if (control) return clean((control as HTMLInputElement).value);
  let next = element.nextElementSibling;
  if (element.tagName === 'DT') while (next && next.tagName !== 'DD') next = next.nextElementSibling;
  return clean(next?.textContent);
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The value beside the first of `labels` (in their order) found in the page's
 * own text: "Label: value" in one piece of text, or the label on its own with
 * the value beside it. Case notes, editors and scripts are never read.
 */
function byLabels(document: Document, labels: string[] = [], accept: (text: string) => boolean) {
  if (labels.length === 0 || !document.body) return undefined;
  const wanted = labels.map((label) => label.toLowerCase());
  const inline = labels.map((label) => new RegExp(`^${escapeRegex(label)}\\s*[:：]\\s*(\\S.*)$`, 'i'));
  let best: { rank: number; text: string; element: Element } | undefined;
  const walker = document.createTreeWalker(document.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = clean(node.nodeValue);
    const parent = node.parentElement;
    if (!text || text.length > 80 || !parent) continue;
    const own = labelText(text);
    for (let rank = 0; rank < (best?.rank ?? wanted.length); rank++) {
      let value = inline[rank]?.exec(text)?.[1];
      if (value === undefined && own === wanted[rank]) {
        const sibling = node.nextSibling;
        value = clean(parent.textContent) === text ? valueBeside(parent) : clean(sibling?.textContent);
      }
      if (value && accept(value) && !parent.closest(NOT_PAGE_TEXT)) {
        best = { rank, text: value, element: parent };
        break;
      }
    }
    if (best?.rank === 0) break;
  }
  return best;
}

/** A found child and the page elements around its id and name, which the overlay watches for a change of child. */
export interface LocatedChild {
  child: FoundChild;
  area: Element[];
}

function fromUrl(adapter: SiteAdapter, url: URL, accept: (text: string) => boolean): string | undefined {
  const wanted = new Set((adapter.recordParams ?? []).map((name) => name.toLowerCase()));
  for (const [name, value] of url.searchParams) {
    if (wanted.has(name.toLowerCase()) && accept(value.trim())) return value.trim();
  }
  const match = regex(adapter.recordUrl)?.exec(url.href);
  const id = match?.groups?.id;
  return id && accept(decodeURIComponent(id)) ? decodeURIComponent(id) : undefined;
}

/** The heading of the smallest band around the id label that has one: "Amelia Hartwell" above "Person ID". */
function headingNear(element: Element): string | undefined {
  let band = element.parentElement;
  for (let depth = 0; band && depth < 5; depth++, band = band.parentElement) {
    const heading = band.querySelector(BAND_HEADINGS);
    if (heading) return clean(heading.textContent) || undefined;
  }
  return undefined;
}

const idFormatOf = (adapter: SiteAdapter) => {
  const format = regex(adapter.idFormat ?? DEFAULT_ID_FORMAT);
  return (text: string) => format?.test(text) ?? false;
};

function tryAdapter(adapter: SiteAdapter, document: Document, url: URL): LocatedChild | undefined {
  const isId = idFormatOf(adapter);
  const onPage =
    bySelectors(document, adapter.idSelectors, isId) ?? byLabels(document, adapter.idLabels, isId);
  const recordId = onPage?.text ?? fromUrl(adapter, url, isId);
  if (!recordId) return undefined;
  const isName = (text: string) => text.length <= 120 && text !== recordId;
  const name =
    bySelectors(document, adapter.nameSelectors, isName) ?? byLabels(document, adapter.nameLabels, isName);
  const displayName =
    name?.text ?? (adapter.nameFromHeadingNearId && onPage ? headingNear(onPage.element) : undefined);
  // A label's value sits beside it, so the label's parent holds both.
  const area = [onPage, name].flatMap((hit) => (hit ? [hit.element.parentElement ?? hit.element] : []));
  return {
    child: {
      adapterId: adapter.id,
      system: adapter.system ?? url.hostname,
      recordId,
      recordUrl: url.href,
      ...(displayName ? { displayName } : {}),
    },
    area,
  };
}

export function locateChild(
  document: Document,
  href: string,
  adapters: readonly SiteAdapter[],
): LocatedChild | undefined {
  const url = new URL(href);
  for (const adapter of adapters) {
    if (!regex(adapter.pages)?.test(href)) continue;
    const found = tryAdapter(adapter, document, url);
    if (found) return found;
  }
  return undefined;
}

export const findChild = (document: Document, href: string, adapters: readonly SiteAdapter[]) =>
  locateChild(document, href, adapters)?.child;

/** The record id an adapter reads from an address alone, whatever the page shows. */
export function recordIdInUrl(adapter: SiteAdapter, href: string): string | undefined {
  try {
    return fromUrl(adapter, new URL(href), idFormatOf(adapter));
  } catch {
    return undefined;
  }
}

/** Whether two findings are the same child (a name appearing later is not a new child). */
export const sameChild = (a: FoundChild | undefined, b: FoundChild | undefined) =>
  a?.system === b?.system && a?.recordId === b?.recordId && a?.displayName === b?.displayName;
