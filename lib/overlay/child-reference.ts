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
