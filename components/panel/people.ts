import type { Person } from '@/lib/escalation';
import type { Profile } from '@/lib/settings';
import type { ChildOnPage } from './workspace-types';

/** The practitioner as recorded on changes: name, role and agency are all needed. */
export function personFromProfile(profile: Profile): Person | undefined {
  const name = profile.name?.trim();
  const role = profile.role?.trim();
  const agency = profile.agency?.trim();
  if (!name || !role || !agency) return undefined;
  const contact = profile.contact?.trim();
  return { name, role, agency, ...(contact ? { contact } : {}) };
}

export function sameChild(
  a: Pick<ChildOnPage, 'system' | 'recordId'>,
  b: Pick<ChildOnPage, 'system' | 'recordId'>,
) {
  return a.system === b.system && a.recordId === b.recordId;
}
