import { useId, useState } from 'react';
import { ErrorSummary, TextField } from '@/components/shared/Fields';
import type { FieldErrors } from '@/components/shared/form-rules';
import { useFieldErrors } from '@/components/shared/useFieldErrors';
import {
  type Contact,
  type ContactRole,
  contactRoles,
  contactRoleWords,
  contactSchema,
  defaultSettings,
  isContactSet,
} from '@/lib/settings';
import type { DataClient, StoredData } from '@/lib/storage';
import { DetailsList } from './DetailsList';
import { AttemptOutcome, isLocked, LockedNote, useAttempt } from './organisation';
import './people.css';

interface SectionProps {
  data: StoredData;
  client: DataClient;
}

/** Who each contact is, in a line under its legend. */
const whoTheyAre: Record<ContactRole, string> = {
  safeguardingLead: 'Your own agency’s designated or named professional for safeguarding.',
  lineManager: 'Your line manager or team manager.',
  businessManager:
    'The Business Manager of your Safeguarding Children Partnership, who is sent the details of an escalation from stage 2.',
  independentScrutineer: 'Your partnership’s Independent Scrutineer, who can be told about an escalation.',
};

type ContactKey = keyof Contact;

const contactFields: readonly { key: ContactKey; label: string; hint?: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'email', label: 'Email' },
  { key: 'phone', label: 'Phone' },
  { key: 'note', label: 'Note', hint: 'For example, their hours, or who covers when they are away.' },
];

type ContactValues = Record<ContactKey, string>;

const valuesOf = (contact: Contact | undefined): ContactValues => ({
  name: contact?.name ?? '',
  email: contact?.email ?? '',
  phone: contact?.phone ?? '',
  note: contact?.note ?? '',
});

const problemWords = (key: ContactKey) =>
  key === 'email'
    ? 'Enter an email address like name@example.org, or leave it empty.'
    : 'Keep this to 200 characters or fewer.';

/** The contact to save (blank fields left out), or what to fix next to each field. */
function checkContact(
  values: ContactValues,
): { ok: true; contact: Contact } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const contact: Contact = {};
  for (const { key } of contactFields) {
    const value = values[key].trim();
    if (!contactSchema.shape[key].safeParse(value).success) errors[key] = problemWords(key);
    else if (value !== '') contact[key] = value;
  }
  if (Object.keys(errors).length === 0 && contact.note && !isContactSet(contact)) {
    errors.name = 'Enter a name, email or phone as well as the note.';
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, contact };
}

/** Settings → Contacts: the people the policy tells the practitioner to contact. */
export function ContactsSection({ data, client }: SectionProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="people-settings">
      <h2 id={headingId}>Contacts</h2>
      <p>
        The people the policy tells you to contact. The panel shows each one beside the steps and duties that
        involve them, with a link to email them. They are kept only in this browser.
      </p>
      {contactRoles.map((role) => (
        <ContactForm key={role} role={role} data={data} client={client} />
      ))}
    </section>
  );
}

function ContactForm({ role, data, client }: SectionProps & { role: ContactRole }) {
  const id = useId();
  const path = `contacts.${role}` as const;
  const words = contactRoleWords[role];
  // What "use the default" goes back to: the organisation's default, else the release's.
  const fallback = data.organisation.defaults.contacts?.[role] ?? defaultSettings.contacts[role];
  const changed = data.user.contacts?.[role] !== undefined;
  const [values, setValues] = useState(() => valuesOf(data.settings.contacts[role]));
  const { errors, show, formRef } = useFieldErrors();
  const { status, error, attempt } = useAttempt();
  const describedBy = `${id}-who`;

  if (isLocked(data, path)) {
    const contact = data.settings.contacts[role];
    return (
      <fieldset className="contact" aria-describedby={`${describedBy} ${id}-locked`}>
        <legend>{words.title}</legend>
        <p id={describedBy} className="hint">
          {whoTheyAre[role]}
        </p>
        <LockedNote data={data} path={path} id={`${id}-locked`} />
        <DetailsList
          rows={[
            { label: 'Name', value: contact?.name },
            {
              label: 'Email',
              value: contact?.email && (
                <a href={`mailto:${contact.email}`}>
                  <span className="visually-hidden">Email {contact.name || words.inSentence}: </span>
                  {contact.email}
                </a>
              ),
            },
            { label: 'Phone', value: contact?.phone },
            { label: 'Note', value: contact?.note },
          ]}
        />
      </fieldset>
    );
  }

  const save = (contact: Contact) =>
    attempt(async () => {
      // A contact with no default that is left empty is simply not kept.
      if (!isContactSet(contact) && !isContactSet(fallback)) {
        await client.saveSettings({}, [path]);
        return `No contact is saved for ${words.inSentence}.`;
      }
      await client.saveSettings({ contacts: { [role]: contact } });
      return isContactSet(contact)
        ? `Saved ${words.inSentence}: ${contact.name || contact.email || contact.phone}.`
        : `No contact is saved for ${words.inSentence}; the default is not used.`;
    });

  const backToDefault = () =>
    attempt(async () => {
      await client.saveSettings({}, [path]);
      setValues(valuesOf(fallback));
      show({});
      return isContactSet(fallback)
        ? `${words.title} is back to the default: ${fallback.name || fallback.email || fallback.phone}.`
        : `No contact is saved for ${words.inSentence}.`;
    });

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const checked = checkContact(values);
        if (!checked.ok) return show(checked.errors);
        show({});
        void save(checked.contact);
      }}
    >
      <fieldset className="contact" aria-describedby={describedBy}>
        <legend>{words.title}</legend>
        <p id={describedBy} className="hint">
          {whoTheyAre[role]}
          {isContactSet(fallback) &&
            ` The default is ${[fallback.name, fallback.email, fallback.phone].filter(Boolean).join(', ')}.`}
        </p>
        <ErrorSummary count={Object.keys(errors).length} />
        {contactFields.map((field) => (
          <TextField
            key={field.key}
            id={`${id}-${field.key}`}
            label={field.label}
            optional
            {...(field.hint ? { hint: field.hint } : {})}
            value={values[field.key]}
            error={errors[field.key]}
            onChange={(value) => setValues((current) => ({ ...current, [field.key]: value }))}
          />
        ))}
        <div className="actions">
          <button type="submit">
            Save<span className="visually-hidden"> {words.inSentence}</span>
          </button>
          {changed && (
            <button type="button" onClick={() => void backToDefault()}>
              {isContactSet(fallback) ? 'Use the default' : 'Remove'}
              <span className="visually-hidden">
                {isContactSet(fallback) ? ` for ${words.inSentence}` : ` the contact for ${words.inSentence}`}
              </span>
            </button>
          )}
        </div>
        <AttemptOutcome status={status} error={error} />
      </fieldset>
    </form>
  );
}
