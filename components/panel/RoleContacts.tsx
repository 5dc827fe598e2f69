import { type Contacts, contactRoleWords, contactsForPolicyRoles, type RoleContact } from '@/lib/settings';
import './contacts.css';

/**
 * The practitioner's own contact for each of these policy roles, beside the
 * step or duty that tells them to contact that person; where none is saved,
 * where to add one. Roles the practitioner keeps no contact for are left out.
 * One contact (a duty's recipient) is not made a list of one.
 */
export function RoleContacts({
  roleIds,
  contacts,
  lead,
}: {
  roleIds: readonly string[];
  contacts: Contacts;
  /** Said before the list, e.g. which step it is for; nothing is shown when there is no contact to give. */
  lead?: string;
}) {
  const found = contactsForPolicyRoles(roleIds, contacts);
  const [first, ...others] = found;
  if (!first) return null;
  return (
    <div className="role-contacts">
      {lead && <p>{lead}</p>}
      {others.length === 0 ? (
        <ContactDetails {...first} />
      ) : (
        <ul className="role-contact-list">
          {found.map((entry) => (
            <li key={entry.role}>
              <ContactDetails {...entry} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ContactDetails({ role, contact }: RoleContact) {
  const words = contactRoleWords[role];
  if (!contact) {
    return (
      <p className="role-contact hint">
        {words.title}: no contact saved. Add contacts in Settings → Contacts.
      </p>
    );
  }
  const name = contact.name?.trim();
  return (
    <div className="role-contact">
      <p>
        <strong>{words.title}</strong>
        {name ? `: ${name}` : ''}
      </p>
      {contact.email && (
        <p>
          <a href={`mailto:${contact.email}`}>Email {name || words.inSentence}</a> ({contact.email})
        </p>
      )}
      {contact.phone && <p>Phone: {contact.phone}</p>}
      {contact.note && <p className="hint">{contact.note}</p>}
    </div>
  );
}
