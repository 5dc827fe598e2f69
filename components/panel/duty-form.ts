import { type Checked, type FieldErrors, optionalText } from '@/components/shared/form-rules';
import { formatDateTime } from '@/lib/calendar';
import type { DutyMethod, TickDutyInput } from '@/lib/escalation';
import { instantFromLondonFields } from './london-time';

export interface DutyFormValues {
  date: string;
  time: string;
  /** Who did it, when not the person recording it. */
  doneBy: string;
  method: DutyMethod;
  /** A note, or for a duty to consider something, what was decided. */
  note: string;
}

/** Which duty: its step and id, and whether recording it must say what was decided. */
export interface DutyRef {
  stepId: string;
  dutyId: string;
  decision: boolean;
}

/** Checks when, by whom and how a duty was done, to record it against its step. */
export function checkDutyForm(
  { stepId, dutyId, decision }: DutyRef,
  values: DutyFormValues,
  startedAt: Date,
  now: Date,
): Checked<TickDutyInput> {
  const errors: FieldErrors = {};
  if (decision && values.note.trim() === '') errors.note = 'Say what was decided.';
  const doneAt = instantFromLondonFields(values);
  if (!doneAt) errors.done = 'Enter the date and the time (24-hour, for example 14:30) it was done.';
  else if (doneAt > now) errors.done = 'It cannot have been done in the future. Enter when it was done.';
  else if (doneAt < startedAt) {
    errors.done = `It cannot have been done before the difference of opinion started (${formatDateTime(startedAt)}).`;
  }
  if (!doneAt || Object.keys(errors).length > 0) return { ok: false, errors };
  const note = optionalText(values.note);
  const doneBy = optionalText(values.doneBy);
  return {
    ok: true,
    value: {
      stepId,
      dutyId,
      doneAt: doneAt.toISOString(),
      ...(doneBy ? { doneBy } : {}),
      method: values.method,
      ...(note ? { note } : {}),
    },
  };
}
