import { type Checked, type FieldErrors, filledRows, requiredText } from '@/components/shared/form-rules';
import { formatDateTime } from '@/lib/calendar';
import type { Escalation, RecordDiscussionInput } from '@/lib/escalation';
import { discussionMethodSchema } from '@/lib/escalation/schema';
import * as z from '@/lib/schema/zod';
import { instantFromLondonFields, isCalendarDate, londonFieldsOf } from './london-time';

/** A discussion as typed, kept as a draft; checked and mapped to the change only on submit. */
export const discussionFormSchema = z.object({
  heldDate: z.string(),
  heldTime: z.string(),
  method: discussionMethodSchema,
  raisingSide: z.array(z.object({ name: z.string(), role: z.string() })),
  otherSide: z.array(z.object({ name: z.string(), role: z.string() })),
  otherAgencyPosition: z.string(),
  summary: z.string(),
  outcome: z.string(),
  agreedActions: z.array(z.object({ action: z.string(), owner: z.string(), dueOn: z.string() })),
  fedBack: z.boolean(),
  recordedOurs: z.boolean(),
  recordedTheirs: z.boolean(),
});
export type DiscussionFormValues = z.infer<typeof discussionFormSchema>;

export const participantKeys = ['name', 'role'] as const;
export const agreedActionKeys = ['action', 'owner', 'dueOn'] as const;

/** A blank discussion held now, with the practitioner and the other professional already named. */
export function emptyDiscussionForm(
  escalation: Escalation,
  you: { name: string; role: string } | undefined,
  now: Date,
): DiscussionFormValues {
  const held = londonFieldsOf(now);
  const { professional } = escalation.otherParty;
  return {
    heldDate: held.date,
    heldTime: held.time,
    method: 'call',
    raisingSide: [{ name: you?.name ?? '', role: you?.role ?? '' }],
    otherSide: [{ name: professional.name, role: professional.role }],
    otherAgencyPosition: '',
    summary: '',
    outcome: '',
    agreedActions: [{ action: '', owner: '', dueOn: '' }],
    fedBack: false,
    recordedOurs: false,
    recordedTheirs: false,
  };
}

const participantMessages = { name: 'Enter their name, or clear this row.', role: 'Enter their role.' };

export function checkDiscussionForm(
  values: DiscussionFormValues,
  escalation: Escalation,
  now: Date,
): Checked<RecordDiscussionInput> {
  const errors: FieldErrors = {};
  const heldAt = instantFromLondonFields({ date: values.heldDate, time: values.heldTime });
  const startedAt = new Date(escalation.differenceStartedAt);
  if (!heldAt) {
    errors.held = 'Enter the date and the time (24-hour, for example 14:30) the discussion was held.';
  } else if (heldAt > now) {
    errors.held = 'A discussion cannot be in the future. Enter when it was held.';
  } else if (heldAt < startedAt) {
    errors.held = `A discussion cannot be before the difference of opinion started (${formatDateTime(startedAt)}).`;
  }

  const raisingSide = filledRows(
    values.raisingSide,
    participantKeys,
    'raisingSide',
    participantMessages,
    errors,
  );
  if (raisingSide.length === 0) {
    errors['raisingSide.0.name'] =
      `Name at least one person who took part for ${escalation.raisedBy.agency}.`;
  }
  const otherSide = filledRows(values.otherSide, participantKeys, 'otherSide', participantMessages, errors);
  if (otherSide.length === 0) {
    errors['otherSide.0.name'] =
      `Name at least one person who took part for ${escalation.otherParty.agency}.`;
  }
  const otherAgencyPosition = requiredText(
    values.otherAgencyPosition,
    'otherAgencyPosition',
    `Say what ${escalation.otherParty.agency}’s position was.`,
    errors,
  );
  const summary = requiredText(values.summary, 'summary', 'Summarise the discussion.', errors);
  const outcome = requiredText(values.outcome, 'outcome', 'Say what the outcome was.', errors);

  const agreedActions = filledRows(
    values.agreedActions,
    agreedActionKeys,
    'agreedActions',
    {
      action: 'Say what was agreed, or clear this row.',
      owner: 'Say who will do it.',
      dueOn: 'Enter the date it is due by.',
    },
    errors,
  );
  agreedActions.forEach((row) => {
    const index = values.agreedActions.indexOf(row);
    if (row.dueOn !== '' && !isCalendarDate(row.dueOn)) {
      errors[`agreedActions.${index}.dueOn`] = 'Enter a real date, for example 2026-11-06.';
    }
  });

  if (Object.keys(errors).length > 0 || !heldAt) return { ok: false, errors };
  const person = (row: { name: string; role: string }) => ({ name: row.name.trim(), role: row.role.trim() });
  return {
    ok: true,
    value: {
      heldAt: heldAt.toISOString(),
      method: values.method,
      raisingSide: raisingSide.map(person),
      otherSide: otherSide.map(person),
      otherAgencyPosition,
      summary,
      outcome,
      agreedActions: agreedActions.map((row) => ({
        action: row.action.trim(),
        owner: row.owner.trim(),
        dueOn: row.dueOn,
      })),
      fedBack: values.fedBack,
      recordedOnFile: { raisingAgency: values.recordedOurs, otherAgency: values.recordedTheirs },
    },
  };
}
