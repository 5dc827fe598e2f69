import {
  type Checked,
  type FieldErrors,
  filledRows,
  optionalText,
  requiredText,
} from '@/components/shared/form-rules';
import { formatDateTime } from '@/lib/calendar';
import type { Person, StartEscalationInput } from '@/lib/escalation';
import type { Policy } from '@/lib/policy';
import * as z from '@/lib/schema/zod';
import type { Profile } from '@/lib/settings';
import { instantFromLondonFields, londonFieldsOf } from './london-time';
import type { ChildOnPage } from './workspace-types';

/**
 * The start form as typed, kept as a draft while the panel is closed. Every
 * value is the raw text of a field; checking and mapping to the start input
 * happen only on submit.
 */
export const startFormSchema = z.object({
  risk: z.object({
    answer: z.enum(['', 'yes', 'no']),
    /** When the imminent-risk question was answered (ISO), '' until then. */
    answeredAt: z.string(),
    actionTaken: z.string(),
    urgent: z.boolean(),
  }),
  agency: z.string(),
  professionalName: z.string(),
  professionalRole: z.string(),
  professionalContact: z.string(),
  reasonCategory: z.string(),
  disagreedWith: z.string(),
  facts: z.array(z.object({ fact: z.string(), source: z.string() })),
  opinions: z.array(z.object({ opinion: z.string(), whose: z.string() })),
  impactOnChild: z.string(),
  childsVoice: z.string(),
  outcomeSought: z.string(),
  startedDate: z.string(),
  startedTime: z.string(),
  you: z.object({ name: z.string(), role: z.string(), agency: z.string(), contact: z.string() }),
});
export type StartFormValues = z.infer<typeof startFormSchema>;

const factKeys = ['fact', 'source'] as const;
const opinionKeys = ['opinion', 'whose'] as const;

/** A blank form; the difference of opinion starts now unless the practitioner says earlier. */
export function emptyStartForm(profile: Profile, now: Date): StartFormValues {
  const started = londonFieldsOf(now);
  return {
    risk: { answer: '', answeredAt: '', actionTaken: '', urgent: false },
    agency: '',
    professionalName: '',
    professionalRole: '',
    professionalContact: '',
    reasonCategory: '',
    disagreedWith: '',
    facts: [{ fact: '', source: '' }],
    opinions: [{ opinion: '', whose: '' }],
    impactOnChild: '',
    childsVoice: '',
    outcomeSought: '',
    startedDate: started.date,
    startedTime: started.time,
    you: {
      name: profile.name ?? '',
      role: profile.role ?? '',
      agency: profile.agency ?? '',
      contact: profile.contact ?? '',
    },
  };
}

export interface StartContext {
  policy: Policy;
  child: ChildOnPage;
  now: Date;
  showChildNames: boolean;
}

export interface CheckedStart {
  input: StartEscalationInput;
  /** The practitioner starting it, who is also recorded as raising it. */
  by: Person;
  /** Their details as entered, to save back to the profile. */
  profile: Profile;
}

const recordUrl = z.url();

/** The child as stored: the name only when names are shown (data minimisation), the address only if valid. */
function childFor({ child, showChildNames }: StartContext): StartEscalationInput['child'] {
  const url = recordUrl.safeParse(child.recordUrl);
  return {
    system: child.system,
    recordId: child.recordId,
    ...(showChildNames && child.displayName ? { displayName: child.displayName } : {}),
    ...(url.success ? { recordUrl: url.data } : {}),
  };
}

/** Checks the start form; every message says what to fix and belongs next to its field. */
export function checkStartForm(values: StartFormValues, context: StartContext): Checked<CheckedStart> {
  const errors: FieldErrors = {};
  const { policy, now } = context;

  const atRisk = values.risk.answer === 'yes';
  if (values.risk.answer === '' || values.risk.answeredAt === '') {
    errors.risk = 'Answer the imminent risk question first.';
  }
  const actionTaken = atRisk
    ? requiredText(
        values.risk.actionTaken,
        'risk.actionTaken',
        'Say what you have done about the risk, for example who you told and when.',
        errors,
      )
    : undefined;

  const agency = requiredText(values.agency, 'agency', 'Enter the other agency’s name.', errors);
  const professionalName = requiredText(
    values.professionalName,
    'professionalName',
    'Enter the name of the professional whose decision you disagree with.',
    errors,
  );
  const professionalRole = requiredText(
    values.professionalRole,
    'professionalRole',
    'Enter their role, for example Health Visitor.',
    errors,
  );
  if (!policy.reasonCategories.some((category) => category.id === values.reasonCategory)) {
    errors.reasonCategory = 'Choose the reason for the escalation.';
  }
  const disagreedWith = requiredText(
    values.disagreedWith,
    'disagreedWith',
    'Say which decision, action or inaction you disagree with.',
    errors,
  );

  const facts = filledRows(
    values.facts,
    factKeys,
    'facts',
    {
      fact: 'Enter the fact, or clear this row.',
      source: 'Say where this fact comes from, for example a visit record or a report.',
    },
    errors,
  );
  if (facts.length === 0) errors['facts.0.fact'] = 'Give at least one fact and where it comes from.';
  const opinions = filledRows(
    values.opinions,
    opinionKeys,
    'opinions',
    {
      opinion: 'Enter the opinion, or clear this row.',
    },
    errors,
  );

  const impactOnChild = requiredText(
    values.impactOnChild,
    'impactOnChild',
    'Describe the impact on the child.',
    errors,
  );
  const outcomeSought = requiredText(
    values.outcomeSought,
    'outcomeSought',
    'Say what outcome you are seeking.',
    errors,
  );

  const startedAt = instantFromLondonFields({ date: values.startedDate, time: values.startedTime });
  if (!startedAt) {
    errors.started =
      'Enter the date and the time (24-hour, for example 14:30) the difference of opinion started.';
  } else if (startedAt > now) {
    errors.started = `The difference of opinion cannot start in the future. Enter a time no later than ${formatDateTime(now)}.`;
  }

  const you = {
    name: requiredText(values.you.name, 'you.name', 'Enter your name.', errors),
    role: requiredText(values.you.role, 'you.role', 'Enter your role.', errors),
    agency: requiredText(values.you.agency, 'you.agency', 'Enter your agency.', errors),
    contact: optionalText(values.you.contact),
  };

  if (Object.keys(errors).length > 0 || !startedAt) return { ok: false, errors };

  const contact = optionalText(values.professionalContact);
  const childsVoice = optionalText(values.childsVoice);
  const by: Person = {
    name: you.name,
    role: you.role,
    agency: you.agency,
    ...(you.contact ? { contact: you.contact } : {}),
  };
  const input: StartEscalationInput = {
    child: childFor(context),
    raisedBy: by,
    otherParty: {
      agency,
      professional: { name: professionalName, role: professionalRole, ...(contact ? { contact } : {}) },
    },
    concern: {
      reasonCategory: values.reasonCategory,
      disagreedWith,
      facts: facts.map((row) => ({ fact: row.fact.trim(), source: row.source.trim() })),
      opinions: opinions.map((row) => {
        const whose = optionalText(row.whose);
        return { opinion: row.opinion.trim(), ...(whose ? { whose } : {}) };
      }),
      impactOnChild,
      ...(childsVoice ? { childsVoice } : {}),
      outcomeSought,
    },
    differenceStartedAt: startedAt.toISOString(),
    imminentRisk: {
      atRisk,
      answeredAt: values.risk.answeredAt,
      ...(actionTaken ? { actionTaken } : {}),
    },
    policy: { id: policy.id, version: policy.version },
    track: atRisk && values.risk.urgent ? 'urgent' : 'standard',
  };
  const profile: Profile = {
    name: you.name,
    role: you.role,
    agency: you.agency,
    ...(you.contact ? { contact: you.contact } : {}),
  };
  return { ok: true, value: { input, by, profile } };
}
