import { formatDateTime } from '@/lib/calendar';
import type { DutyMethod, TickDutyInput } from '@/lib/escalation';
import { type Checked, type FieldErrors, optionalText } from './form-rules';
import { instantFromLondonFields } from './london-time';

export interface DutyFormValues {
  date: string;
  time: string;
  method: DutyMethod;
  note: string;
}

/** Checks when and how a duty was done, to tick it off. */
export function checkDutyForm(
  dutyId: string,
  values: DutyFormValues,
  startedAt: Date,
  now: Date,
): Checked<TickDutyInput> {
  const errors: FieldErrors = {};
  const doneAt = instantFromLondonFields(values);
  if (!doneAt) errors.done = 'Enter the date and the time (24-hour, for example 14:30) it was done.';
  else if (doneAt > now) errors.done = 'It cannot have been done in the future. Enter when it was done.';
  else if (doneAt < startedAt) {
    errors.done = `It cannot have been done before the difference of opinion started (${formatDateTime(startedAt)}).`;
  }
  if (!doneAt || Object.keys(errors).length > 0) return { ok: false, errors };
  const note = optionalText(values.note);
  return {
    ok: true,
    value: { dutyId, doneAt: doneAt.toISOString(), method: values.method, ...(note ? { note } : {}) },
  };
}
