import type { PageContext } from '@/lib/overlay/page-context';

/** The child the panel is for: found on the page, or the reference the practitioner typed. */
export interface ChildReference {
  system?: string;
  recordId: string;
  displayName?: string;
  entered: boolean;
}

export function childReference(page: PageContext | null): ChildReference | undefined {
  if (page?.child) {
    const { system, recordId, displayName } = page.child;
    return { system, recordId, entered: false, ...(displayName ? { displayName } : {}) };
  }
  return page?.entered ? { recordId: page.entered, entered: true } : undefined;
}

/** A reference typed by hand has no system on the page; it is kept as the practitioner gave it. */
export const ENTERED_BY_HAND = 'Reference entered by hand';

/** What an escalation is filed under: the case-record system and the child's record id there. */
export interface ChildKey {
  system: string;
  recordId: string;
}

/** The child whose escalations the panel beside this page shows; undefined when there is none. */
export function childKeyOf(page: PageContext | null): ChildKey | undefined {
  const child = childReference(page);
  return child && { system: child.system ?? ENTERED_BY_HAND, recordId: child.recordId };
}

export function sameChild(a: ChildKey | undefined, b: ChildKey | undefined): boolean {
  return a?.system === b?.system && a?.recordId === b?.recordId;
}
