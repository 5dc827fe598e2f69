import { useId, useState } from 'react';
import type { DataClient, StoredData } from '@/lib/storage';
import { isLocked, LockedNote } from './organisation';

type WholeNumberPath = 'retentionDays' | 'returnsRetentionMonths';

interface WholeNumberSettingProps {
  data: StoredData;
  client: DataClient;
  path: WholeNumberPath;
  label: string;
  /** The unit, singular: "day", "month". */
  unit: string;
  max: number;
  /** What the saved value means, for the status line. */
  savedWords(count: string): string;
  /** The Save button's accessible name, where the section has more than one. */
  saveLabel?: string;
  attempt(work: () => Promise<string>): Promise<void>;
}

/** A setting that is a whole number from 1 to `max`: read-only when the organisation locks it. */
export function WholeNumberSetting({
  data,
  client,
  path,
  label,
  unit,
  max,
  savedWords,
  saveLabel,
  attempt,
}: WholeNumberSettingProps) {
  const id = useId();
  const [value, setValue] = useState(String(data.settings[path]));
  const locked = isLocked(data, path);
  const valid = /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= max;
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        void attempt(async () => {
          await client.saveSettings({ [path]: Number(value) });
          return savedWords(value);
        });
      }}
    >
      <label htmlFor={id}>{label}</label>
      <LockedNote data={data} path={path} id={`${id}-locked`} />
      <input
        id={id}
        inputMode="numeric"
        value={value}
        readOnly={locked}
        aria-invalid={!valid}
        aria-describedby={locked ? `${id}-locked` : valid ? undefined : `${id}-error`}
        onChange={(event) => setValue(event.target.value.trim())}
      />
      {!locked && (
        <button type="submit" {...(saveLabel ? { 'aria-label': saveLabel } : {})}>
          Save
        </button>
      )}
      {!valid && (
        <p id={`${id}-error`} className="field-error">
          Enter a whole number of {unit}s from 1 to {max}.
        </p>
      )}
    </form>
  );
}
