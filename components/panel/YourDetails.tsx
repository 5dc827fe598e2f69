import { useId, useState } from 'react';
import { ErrorSummary, RefusalAlert, TextField } from '@/components/shared/Fields';
import type { FieldErrors } from '@/components/shared/form-rules';
import { useFieldErrors } from '@/components/shared/useFieldErrors';
import type { SaveSettings, Settings } from '@/lib/settings';
import { useAction } from './useAction';

/**
 * Every change is recorded with who made it, so the panel asks for the
 * practitioner's name, role and agency before it offers any change.
 */
export function YourDetails({ settings, saveSettings }: { settings: Settings; saveSettings?: SaveSettings }) {
  const id = useId();
  const [you, setYou] = useState({
    name: settings.profile.name ?? '',
    role: settings.profile.role ?? '',
    agency: settings.profile.agency ?? '',
  });
  const { errors, show, formRef } = useFieldErrors();
  const action = useAction();
  const labels = { name: 'Your name', role: 'Your role', agency: 'Your agency' } as const;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Your details</h3>
      <p>
        Enter your name, role and agency to record discussions, duties and decisions. Every change is signed
        with them.
      </p>
      {saveSettings ? (
        <form
          ref={formRef}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const problems: FieldErrors = {};
            for (const key of ['name', 'role', 'agency'] as const) {
              if (you[key].trim() === '') problems[key] = `Enter ${labels[key].toLowerCase()}.`;
            }
            show(problems);
            if (Object.keys(problems).length > 0) return;
            const trimmed = { name: you.name.trim(), role: you.role.trim(), agency: you.agency.trim() };
            void action.run(() => saveSettings({ profile: { ...settings.profile, ...trimmed } }));
          }}
        >
          <ErrorSummary count={Object.keys(errors).length} />
          {(['name', 'role', 'agency'] as const).map((key) => (
            <TextField
              key={key}
              id={`${id}-${key}`}
              label={labels[key]}
              value={you[key]}
              error={errors[key]}
              onChange={(value) => setYou((current) => ({ ...current, [key]: value }))}
            />
          ))}
          <RefusalAlert message={action.error} />
          <button type="submit" className="primary" disabled={action.pending}>
            Save your details
          </button>
        </form>
      ) : (
        <p>Add them in the extension’s settings.</p>
      )}
    </section>
  );
}
