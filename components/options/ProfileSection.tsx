import { useId, useState } from 'react';
import { ErrorSummary, TextField } from '@/components/shared/Fields';
import type { FieldErrors } from '@/components/shared/form-rules';
import { useFieldErrors } from '@/components/shared/useFieldErrors';
import { type Profile, profileSchema } from '@/lib/settings';
import type { DataClient, StoredData } from '@/lib/storage';
import { DetailsList } from './DetailsList';
import { AttemptOutcome, isLocked, LockedNote, useAttempt } from './organisation';
import './people.css';

interface SectionProps {
  data: StoredData;
  client: DataClient;
}

type ProfileKey = keyof Profile;

const profileFields: readonly {
  key: ProfileKey;
  label: string;
  hint?: string;
  optional?: true;
  autoComplete?: string;
}[] = [
  { key: 'name', label: 'Your name', autoComplete: 'name' },
  {
    key: 'role',
    label: 'Your role',
    hint: 'For example, Social Worker.',
    autoComplete: 'organization-title',
  },
  {
    key: 'agency',
    label: 'Your agency',
    hint: 'For example, Reading Children’s Services.',
    autoComplete: 'organization',
  },
  { key: 'team', label: 'Your team', optional: true },
  {
    key: 'contact',
    label: 'Your phone or email',
    hint: 'Recorded with an escalation you start, so the other agency can reach you.',
    optional: true,
  },
];

/** Name, role and agency sign every record, so a profile without them could not be used. */
const requiredMessages: Partial<Record<ProfileKey, string>> = {
  name: 'Enter your name.',
  role: 'Enter your role.',
  agency: 'Enter your agency.',
};

type ProfileValues = Record<ProfileKey, string>;

const valuesOf = (profile: Profile): ProfileValues => ({
  name: profile.name ?? '',
  role: profile.role ?? '',
  agency: profile.agency ?? '',
  team: profile.team ?? '',
  contact: profile.contact ?? '',
});

/** The profile to save, or what to fix next to each field. */
function checkProfile(
  values: ProfileValues,
): { ok: true; profile: Profile } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const profile: Profile = {};
  for (const { key } of profileFields) {
    const value = values[key].trim();
    const required = requiredMessages[key];
    if (value === '' && required) errors[key] = required;
    else if (!profileSchema.shape[key].safeParse(value).success)
      errors[key] = 'Keep this to 200 characters or fewer.';
    else if (value !== '') profile[key] = value;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, profile };
}

/** Settings → Your details: who the practitioner is, and whether children's names are shown. */
export function ProfileSection({ data, client }: SectionProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="people-settings">
      <h2 id={headingId}>Your details</h2>
      <ProfileForm data={data} client={client} />
      <ChildNamesChoice data={data} client={client} />
    </section>
  );
}

function ProfileForm({ data, client }: SectionProps) {
  const id = useId();
  const [values, setValues] = useState(() => valuesOf(data.settings.profile));
  const { errors, show, formRef } = useFieldErrors();
  const { status, error, attempt } = useAttempt();

  if (isLocked(data, 'profile')) {
    return (
      <fieldset className="contact" aria-describedby={`${id}-locked`}>
        <legend>Your name, role and agency</legend>
        <LockedNote data={data} path="profile" id={`${id}-locked`} />
        <DetailsList
          rows={profileFields.map((field) => ({
            label: field.label,
            value: data.settings.profile[field.key],
          }))}
        />
      </fieldset>
    );
  }

  return (
    <form
      ref={formRef}
      noValidate
      aria-labelledby={`${id}-intro`}
      onSubmit={(event) => {
        event.preventDefault();
        const checked = checkProfile(values);
        if (!checked.ok) return show(checked.errors);
        show({});
        void attempt(async () => {
          await client.saveSettings({ profile: checked.profile });
          return 'Your details are saved. New escalations will start with them.';
        });
      }}
    >
      <p id={`${id}-intro`}>
        Your details fill in new escalations for you and sign everything you record in the panel. They are
        kept only in this browser.
      </p>
      <ErrorSummary count={Object.keys(errors).length} />
      {profileFields.map((field) => (
        <TextField
          key={field.key}
          id={`${id}-${field.key}`}
          label={field.label}
          {...(field.hint ? { hint: field.hint } : {})}
          {...(field.optional ? { optional: true } : {})}
          {...(field.autoComplete ? { autoComplete: field.autoComplete } : {})}
          value={values[field.key]}
          error={errors[field.key]}
          onChange={(value) => setValues((current) => ({ ...current, [field.key]: value }))}
        />
      ))}
      <button type="submit">Save your details</button>
      <AttemptOutcome status={status} error={error} />
    </form>
  );
}

const childNamesLabel = 'Show children’s names in the panel and popup';

function ChildNamesChoice({ data, client }: SectionProps) {
  const id = useId();
  const [show, setShow] = useState(data.settings.showChildNames);
  const { status, error, attempt } = useAttempt();
  const locked = isLocked(data, 'showChildNames');
  return (
    <form
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        void attempt(async () => {
          await client.saveSettings({ showChildNames: show });
          return show
            ? 'Children’s names will be shown, and kept with escalations you start from now on.'
            : 'Children’s names will not be shown; escalations are shown by record id.';
        });
      }}
    >
      <h3 id={`${id}-heading`}>Children’s names</h3>
      <p id={`${id}-why`}>
        The panel and popup show each child by their record id, which is enough to find the right record.
        Names are off unless you turn them on: a name on screen can be read over your shoulder or on a shared
        screen, and keeping only what the work needs (data minimisation) is safer for the child. When names
        are on, the name on the child’s record is also kept with each new escalation.
      </p>
      <LockedNote data={data} path="showChildNames" id={`${id}-locked`} />
      <div className="checkbox">
        <input
          id={`${id}-names`}
          type="checkbox"
          checked={locked ? data.settings.showChildNames : show}
          disabled={locked}
          aria-describedby={locked ? `${id}-locked` : `${id}-why`}
          onChange={(event) => setShow(event.target.checked)}
        />
        <label htmlFor={`${id}-names`}>{childNamesLabel}</label>
      </div>
      {!locked && <button type="submit">Save this choice</button>}
      <AttemptOutcome status={status} error={error} />
      {!data.settings.showChildNames && <StoredNames data={data} client={client} />}
    </form>
  );
}

/** With names off, the names kept with earlier escalations can be removed, every one at once. */
function StoredNames({ data, client }: SectionProps) {
  const { status, error, attempt } = useAttempt();
  const named = data.escalations.filter((escalation) => escalation.child.displayName !== undefined).length;
  if (named === 0 && status === '') return null;
  return (
    <div>
      {named > 0 && (
        <>
          <p>
            Names are off, but {named === 1 ? '1 escalation still keeps' : `${named} escalations still keep`}{' '}
            a child’s name from when they were on. They are not shown; removing them keeps only the record id.
          </p>
          <button
            type="button"
            onClick={() =>
              void attempt(async () => {
                const removed = await client.removeChildNames();
                return `Removed ${removed === 1 ? '1 stored name' : `${removed} stored names`}.`;
              })
            }
          >
            Remove every stored name
          </button>
        </>
      )}
      <AttemptOutcome status={status} error={error} />
    </div>
  );
}
