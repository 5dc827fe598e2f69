import type { Contact, ContactRole, Contacts } from './schema';

/**
 * Which of the practitioner's contacts each policy role is. A policy names
 * roles in its own words ("Line managers / team managers"); the practitioner
 * keeps one person for each. A policy that uses the same role ids as Pan
 * Berkshire gets the contacts shown beside its steps and duties too.
 */
export const policyRolesByContact: Record<ContactRole, readonly string[]> = {
  safeguardingLead: ['raising-agency-safeguarding-professional'],
  lineManager: ['line-managers'],
  businessManager: ['business-manager'],
  independentScrutineer: ['independent-scrutineer'],
};

/** What each contact is to the practitioner: as a title (legends, labels), and within a sentence. */
export const contactRoleWords: Record<ContactRole, { title: string; inSentence: string }> = {
  safeguardingLead: { title: 'Your Safeguarding Lead', inSentence: 'your Safeguarding Lead' },
  lineManager: { title: 'Your line manager', inSentence: 'your line manager' },
  businessManager: {
    title: 'Safeguarding Children Partnership Business Manager',
    inSentence: 'the Safeguarding Children Partnership Business Manager',
  },
  independentScrutineer: { title: 'Independent Scrutineer', inSentence: 'the Independent Scrutineer' },
};

/** The contact role a policy role is, if the practitioner keeps a contact for it. */
export function contactRoleFor(policyRoleId: string): ContactRole | undefined {
  return (Object.keys(policyRolesByContact) as ContactRole[]).find((role) =>
    policyRolesByContact[role].includes(policyRoleId),
  );
}

/** A contact with nothing to reach them by (or only a note) is as good as none. */
export function isContactSet(contact: Contact | undefined): contact is Contact {
  return [contact?.name, contact?.email, contact?.phone].some((value) => (value ?? '').trim() !== '');
}

export interface RoleContact {
  role: ContactRole;
  /** Absent when the practitioner (or their organisation) has not said who it is. */
  contact?: Contact;
}

/** The practitioner's contacts for these policy roles, once each, in the order the policy names them. */
export function contactsForPolicyRoles(policyRoleIds: readonly string[], contacts: Contacts): RoleContact[] {
  const roles = [...new Set(policyRoleIds.map(contactRoleFor))].filter(
    (role): role is ContactRole => role !== undefined,
  );
  return roles.map((role) => {
    const contact = contacts[role];
    return isContactSet(contact) ? { role, contact } : { role };
  });
}
