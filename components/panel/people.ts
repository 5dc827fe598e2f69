import type { Person } from '@/lib/escalation';
import type { Profile } from '@/lib/settings';

/** The practitioner as recorded on changes: name, role and agency are all needed. */
export function personFromProfile(profile: Profile): Person | undefined {
  const name = profile.name?.trim();
  const role = profile.role?.trim();
  const agency = profile.agency?.trim();
  if (!name || !role || !agency) return undefined;
  const contact = profile.contact?.trim();
  return { name, role, agency, ...(contact ? { contact } : {}) };
}

/** Whether two records are the same child's: the same system and record id. */
export { sameChild } from '@/lib/overlay/child-reference';
