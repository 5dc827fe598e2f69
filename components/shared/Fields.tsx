import type { ReactNode } from 'react';

/**
 * Form fields that always carry their label, an optional hint and the
 * message saying what to fix, tied to the control (aria-describedby,
 * aria-invalid) so a screen reader reads them with it.
 */

interface FieldBase {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  optional?: boolean;
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldLabel({ id, label, optional }: Pick<FieldBase, 'id' | 'label' | 'optional'>) {
  return (
    <label htmlFor={id}>
      {label}
      {optional && <span className="optional"> (optional)</span>}
    </label>
  );
}

function FieldNotes({ id, hint, error }: Pick<FieldBase, 'id' | 'hint' | 'error'>) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </>
  );
}

function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true">⚠ </span>
      {children}
    </p>
  );
}

interface TextFieldProps extends FieldBase {
  value: string;
  onChange(value: string): void;
  multiline?: boolean;
  type?: 'text' | 'date' | 'number';
  autoComplete?: string;
}

export function TextField({
  id,
  label,
  hint,
  error,
  optional,
  value,
  onChange,
  multiline,
  type,
  autoComplete,
}: TextFieldProps) {
  const common = {
    id,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
    'aria-required': optional ? undefined : true,
  };
  return (
    <div className="field">
      <FieldLabel id={id} label={label} {...(optional ? { optional } : {})} />
      <FieldNotes id={id} hint={hint} error={error} />
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={type ?? 'text'}
          autoComplete={autoComplete ?? 'off'}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
  );
}

interface SelectFieldProps extends FieldBase {
  value: string;
  onChange(value: string): void;
  options: readonly { value: string; label: string }[];
  /** The blank first choice, when nothing is chosen to begin with. */
  placeholder?: string;
}

export function SelectField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  options,
  placeholder,
}: SelectFieldProps) {
  return (
    <div className="field">
      <FieldLabel id={id} label={label} />
      <FieldNotes id={id} hint={hint} error={error} />
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface DateTimeFieldProps {
  id: string;
  legend: string;
  hint?: string;
  date: string;
  time: string;
  onChange(change: { date?: string; time?: string }): void;
  error?: string | undefined;
}

/** A London date and time, as two fields in one group. */
export function DateTimeField({ id, legend, hint, date, time, onChange, error }: DateTimeFieldProps) {
  const described = describedBy(id, hint, error);
  const invalid = error ? true : undefined;
  return (
    <fieldset className="field date-time">
      <legend>{legend}</legend>
      <FieldNotes id={id} hint={hint} error={error} />
      <div className="date-time-inputs">
        <div>
          <label htmlFor={`${id}-date`}>Date</label>
          <input
            id={`${id}-date`}
            type="date"
            value={date}
            aria-invalid={invalid}
            aria-describedby={described}
            onChange={(event) => onChange({ date: event.target.value })}
          />
        </div>
        <div>
          <label htmlFor={`${id}-time`}>Time (UK, 24-hour)</label>
          <input
            id={`${id}-time`}
            type="time"
            value={time}
            aria-invalid={invalid}
            aria-describedby={described}
            onChange={(event) => onChange({ time: event.target.value })}
          />
        </div>
      </div>
    </fieldset>
  );
}

export function CheckboxField({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <div className="checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** The alert a failed submit raises; the messages themselves sit next to their fields. */
export function ErrorSummary({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <p role="alert" className="error-summary">
      <span aria-hidden="true">⚠ </span>
      {count === 1 ? 'One answer needs fixing' : `${count} answers need fixing`}: each is marked next to its
      field.
    </p>
  );
}

/** A refusal from the background, shown next to the action that was refused. */
export function RefusalAlert({ message }: { message: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="refusal">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}
