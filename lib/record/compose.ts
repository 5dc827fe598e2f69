import { type CalendarSettings, formatDate, formatDateTime } from '../calendar';
import {
  type Discussion,
  type DiscussionMethod,
  type DutyDone,
  type DutyMethod,
  deriveEscalationState,
  type Escalation,
  type EscalationEvent,
  type EscalationState,
  type Person,
  type StepEntry,
} from '../escalation';
import type { Policy, Step } from '../policy';
import type { RecordDocument, RecordLine, RecordSection } from './document';

export interface RecordOptions {
  /** 'full': the whole escalation; 'latest': only the latest entry, for a chronological case note. */
  mode: 'full' | 'latest';
  /** The moment the record is produced; deadlines are described as at this moment. */
  now: Date;
  calendar?: Partial<CalendarSettings>;
  /** Who is producing the record; the person who raised the escalation when not given. */
  author?: Person;
  /**
   * Whether children's names are shown (the settings in force, so never when
   * the organisation locks them off). A stored name is printed only then.
   */
  showChildNames?: boolean;
}

/**
 * The part of a policy's name before any colon ("Pan Berkshire" from "Pan
 * Berkshire: Resolving Professional Disagreement and Escalation"): short
 * enough for a heading, and the same for every record under the policy.
 */
function policyShortName(policy: Policy): string {
  return policy.name.split(':')[0]?.trim() || policy.name;
}

/**
 * The fixed heading that lets audits find escalations in free-text case
 * notes, in plain ASCII hyphens so a search typed with "-" finds it.
 */
export function recordHeading(policy: Policy, stage: number): string {
  return `PROFESSIONAL DIFFERENCE OF OPINION - STAGE ${stage} - ${policyShortName(policy)}, ${policy.version}`;
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

function personText(person: {
  name: string;
  role: string;
  agency?: string;
  contact?: string | undefined;
}): string {
  const who = [person.name, person.role, person.agency].filter((part) => part !== undefined).join(', ');
  return person.contact === undefined ? who : `${who} (${person.contact})`;
}

function participantsText(people: { name: string; role: string }[]): string {
  return people.map((person) => `${person.name} (${person.role})`).join('; ');
}

function stepText(step: Step): string {
  return `stage ${step.stage}, step ${step.id}`;
}

const methodWords: Record<DiscussionMethod | DutyMethod, string> = {
  meeting: 'meeting',
  call: 'phone call',
  video: 'video call',
  email: 'email',
  'in-person': 'in person',
  letter: 'letter',
  'secure-message': 'secure message',
  other: 'other means',
};
const methodText = (method: DiscussionMethod | DutyMethod) => methodWords[method];

/** Everything a section needs to know, worked out once. */
interface Facts {
  escalation: Escalation;
  policy: Policy;
  state: EscalationState;
  options: RecordOptions;
}

function stepById(policy: Policy, stepId: string): Step {
  const step = policy.steps.find((candidate) => candidate.id === stepId);
  if (!step) throw new Error(`step ${stepId} is not in policy ${policy.id} ${policy.version}`);
  return step;
}

function headerSection({ escalation, policy, options }: Facts): RecordSection {
  const { child, otherParty } = escalation;
  const childReference = `${child.system} record ${child.recordId}`;
  const name = options.showChildNames === true ? child.displayName : undefined;
  return {
    lines: [
      { kind: 'text', text: 'All times are UK time.' },
      {
        kind: 'field',
        label: 'Child',
        value: name === undefined ? childReference : `${name} – ${childReference}`,
      },
      { kind: 'field', label: 'Raised by', value: personText(escalation.raisedBy) },
      {
        kind: 'field',
        label: 'Raised with',
        value: personText({ ...otherParty.professional, agency: otherParty.agency }),
      },
      {
        kind: 'field',
        label: 'Difference of opinion started',
        value: formatDateTime(new Date(escalation.differenceStartedAt)),
      },
      {
        kind: 'field',
        label: 'Policy',
        value: `${policy.name}, ${policy.version}; ${escalation.track} track`,
      },
    ],
  };
}

function concernSection({ escalation, policy }: Facts): RecordSection {
  const { concern } = escalation;
  const reason =
    policy.reasonCategories.find((category) => category.id === concern.reasonCategory)?.label ??
    concern.reasonCategory;
  const lines: RecordLine[] = [
    { kind: 'field', label: 'Reason', value: reason },
    { kind: 'field', label: 'Decision, action or inaction disagreed with', value: concern.disagreedWith },
    {
      kind: 'list',
      label: 'Facts (with their source)',
      items: concern.facts.map((fact) => `${fact.fact} (source: ${fact.source})`),
    },
  ];
  if (concern.opinions.length > 0) {
    lines.push({
      kind: 'list',
      label: 'Professional opinion (opinion, not fact)',
      items: concern.opinions.map((opinion) =>
        opinion.whose === undefined ? opinion.opinion : `${opinion.opinion} (opinion of ${opinion.whose})`,
      ),
    });
  }
  lines.push(
    { kind: 'field', label: 'Impact on the child', value: concern.impactOnChild },
    { kind: 'field', label: "The child's voice", value: concern.childsVoice ?? 'not known' },
    { kind: 'field', label: 'Outcome sought', value: concern.outcomeSought },
  );
  return { title: 'Concern', lines };
}

function imminentRiskSection({ escalation }: Facts): RecordSection {
  const risk = escalation.imminentRisk;
  const lines: RecordLine[] = [
    {
      kind: 'field',
      label: 'Child at imminent risk',
      value: `${risk.atRisk ? 'Yes' : 'No'} (answered ${formatDateTime(new Date(risk.answeredAt))})`,
    },
  ];
  if (risk.actionTaken !== undefined)
    lines.push({ kind: 'field', label: 'Action taken', value: risk.actionTaken });
  return { title: 'Imminent risk', lines };
}

function statusText({ escalation, state }: Facts): string {
  const where = `stage ${state.currentStage.number} (${state.currentStage.name})`;
  if (escalation.resolution) {
    return `Resolved at ${where} on ${formatDateTime(new Date(escalation.resolution.resolvedAt))}`;
  }
  if (escalation.withdrawal) {
    return `Withdrawn at ${where} on ${formatDateTime(new Date(escalation.withdrawal.withdrawnAt))}`;
  }
  return `Open at ${where}`;
}

function positionSection(facts: Facts): RecordSection {
  const { state, policy } = facts;
  const lines: RecordLine[] = [
    { kind: 'field', label: 'Status', value: statusText(facts) },
    {
      kind: 'field',
      label: 'Current step',
      value: `step ${state.currentStep.id} – ${state.currentStep.title}`,
    },
  ];
  const next = state.next;
  if (next) {
    lines.push({
      kind: 'field',
      label: 'Next step',
      value:
        next.step.id === state.currentStep.id
          ? `the discussion at this step (step ${next.step.id})`
          : `${stepText(next.step)} – ${next.step.title}, if not resolved at this step`,
    });
    lines.push({
      kind: 'field',
      label: 'Deadline',
      value:
        next.dueAt && next.deadline
          ? `${formatDateTime(next.dueAt)} (${next.deadline.text})`
          : 'counted from a step not yet completed',
    });
  }
  if (state.openDuties.length > 0) {
    lines.push({
      kind: 'list',
      label: 'Still to do at this step',
      items: state.openDuties.map((progress) => progress.duty.text),
    });
  }
  if (state.missed.length > 0) {
    lines.push({
      kind: 'list',
      label: 'Deadlines missed',
      items: state.missed.map((progress) => {
        const due = progress.dueAt ? formatDateTime(progress.dueAt) : 'no deadline';
        const when = progress.happenedAt ? `happened ${formatDateTime(progress.happenedAt)}` : 'not happened';
        return `Step ${progress.step.id} (due ${due}): ${when}`;
      }),
    });
  }
  if (policy.urgentTrack && facts.escalation.track === 'urgent') {
    lines.push({ kind: 'field', label: 'Urgent track', value: policy.urgentTrack.description });
  }
  return { title: 'Current position', lines };
}

function howReached(entry: StepEntry, previous: StepEntry | undefined): string {
  if (entry.route === 'start') return 'difference of opinion started';
  if (entry.route === 'next-step') return `after the discussion at step ${previous?.stepId}`;
  const passedOver =
    entry.skippedStepIds.length > 0 ? `; passed over step ${entry.skippedStepIds.join(', step ')}` : '';
  return `moved ahead of the timescale: ${entry.reason ?? 'no reason given'}${passedOver}`;
}

function progressSection(facts: Facts): RecordSection {
  const { escalation, policy } = facts;
  const items = escalation.stepsEntered.map((entry, index) => {
    const step = stepById(policy, entry.stepId);
    const when = formatDateTime(new Date(entry.enteredAt));
    return `${when} – ${stepText(step)}: ${step.title} (${howReached(entry, escalation.stepsEntered[index - 1])})`;
  });
  return {
    title: 'Stages and steps',
    lines: [
      { kind: 'list', label: 'Steps reached', items },
      { kind: 'list', label: 'Every step’s deadline', items: deadlineItems(facts) },
    ],
  };
}

/** Each step of the policy with its deadline and what became of it; passed-over steps marked, not counted. */
function deadlineItems({ state }: Facts): string[] {
  return state.steps.map((progress) => {
    const due = progress.dueAt ? `due ${formatDateTime(progress.dueAt)}` : 'no deadline yet';
    const what = `Step ${progress.step.id} (${due})`;
    switch (progress.status) {
      case 'passed-over':
      case 'skipped':
        return `${what}: passed over, moved ahead of the timescale; its deadline no longer counts`;
      case 'done':
      case 'current':
      case 'withdrawn': {
        const current = progress.status === 'current' ? 'current step; ' : '';
        if (progress.happenedAt) {
          const kept = progress.met === false ? 'after its deadline' : 'on time';
          return `${what}: ${current}happened ${formatDateTime(progress.happenedAt)}, ${kept}`;
        }
        if (progress.status === 'withdrawn') return `${what}: withdrawn at this step`;
        return `${what}: ${current}${progress.missed ? 'deadline missed' : 'not happened yet'}`;
      }
      case 'to-come':
        return `${what}: to come${progress.missed ? ', deadline missed' : ''}`;
      default:
        return `${what}: not needed`;
    }
  });
}

function deadlineForDiscussion({ state }: Facts, discussion: Discussion): string {
  const progress = state.steps.find((candidate) => candidate.step.id === discussion.stepId);
  if (!progress?.dueAt) return 'none set';
  const due = formatDateTime(progress.dueAt);
  if (progress.indicative) return `${due} (a guide only)`;
  return `${due} – ${new Date(discussion.heldAt) <= progress.dueAt ? 'met' : 'not met'}`;
}

function discussionSection(facts: Facts, discussion: Discussion): RecordSection {
  const { escalation, policy } = facts;
  const step = stepById(policy, discussion.stepId);
  const number = escalation.discussions.indexOf(discussion) + 1;
  const agencies = { raising: escalation.raisedBy.agency, other: escalation.otherParty.agency };
  const actions = discussion.agreedActions.map(
    (action) => `${action.action} – owner: ${action.owner}; due ${formatDate(action.dueOn)}`,
  );
  return {
    title: `Discussion ${number} – ${stepText(step)}`,
    lines: [
      {
        kind: 'field',
        label: 'When',
        value: `${formatDateTime(new Date(discussion.heldAt))} (${methodText(discussion.method)})`,
      },
      {
        kind: 'field',
        label: `Deadline for step ${step.id}`,
        value: deadlineForDiscussion(facts, discussion),
      },
      { kind: 'field', label: `For ${agencies.raising}`, value: participantsText(discussion.raisingSide) },
      { kind: 'field', label: `For ${agencies.other}`, value: participantsText(discussion.otherSide) },
      { kind: 'field', label: `${agencies.other}'s position`, value: discussion.otherAgencyPosition },
      { kind: 'field', label: 'Summary', value: discussion.summary },
      { kind: 'field', label: 'Outcome', value: discussion.outcome },
      actions.length > 0
        ? { kind: 'list', label: 'Agreed actions', items: actions }
        : { kind: 'field', label: 'Agreed actions', value: 'none' },
      { kind: 'field', label: 'Fed back', value: yesNo(discussion.fedBack) },
      {
        kind: 'field',
        label: 'Recorded on file',
        value: `${agencies.raising}: ${yesNo(discussion.recordedOnFile.raisingAgency)}; ${agencies.other}: ${yesNo(
          discussion.recordedOnFile.otherAgency,
        )}`,
      },
      {
        kind: 'field',
        label: 'Recorded by',
        value: `${discussion.recordedBy.name} on ${formatDateTime(new Date(discussion.recordedAt))}`,
      },
    ],
  };
}

function dutiesSection({ state }: Facts): RecordSection | undefined {
  if (state.duties.length === 0) return undefined;
  const statusOf = new Map(state.steps.map((progress) => [progress.step.id, progress.status]));
  // An optional duty left undone at a step the escalation has moved on from is no shortfall, so it is not listed.
  const listed = state.duties.filter(
    ({ stepId, duty, done }) => done || duty.required || stepId === state.currentStep.id,
  );
  if (listed.length === 0) return undefined;
  const items = listed.map(({ stepId, duty, done }) => {
    const status = statusOf.get(stepId);
    const movedPast = status === 'skipped' || status === 'passed-over' ? ' (step passed over)' : '';
    const what = `Step ${stepId}${movedPast}: ${duty.text}`;
    if (!done)
      return `${what} – ${duty.required ? 'not recorded as done' : 'optional; not recorded as done'}`;
    const how =
      done.via === 'discussion'
        ? 'as recorded in the discussion'
        : `by ${methodText(done.method ?? 'other')}`;
    const who = done.by === undefined ? '' : ` by ${done.by}`;
    const note =
      done.note === undefined ? '' : ` (${duty.kind === 'consider' ? 'decided: ' : ''}${done.note})`;
    return `${what} – done ${formatDateTime(done.at)}${who}, ${how}${note}`;
  });
  return { title: 'Notifications and duties', lines: [{ kind: 'list', label: 'Duties by step', items }] };
}

/** "Yes – at discussion 2 (Thu 5 Nov 2026, 10:30)", "Yes – <the reason it is known>", or "No". */
function agreementText(escalation: Escalation, resolution: NonNullable<Escalation['resolution']>): string {
  if (!resolution.agreementReached) return yesNo(false);
  const index = escalation.discussions.findIndex(
    (discussion) => discussion.id === resolution.agreedAtDiscussionId,
  );
  const discussion = escalation.discussions[index];
  if (discussion) return `Yes – at discussion ${index + 1} (${formatDateTime(new Date(discussion.heldAt))})`;
  return resolution.agreementReason ? `Yes – ${resolution.agreementReason}` : yesNo(true);
}

function endingSection({ escalation, policy }: Facts): RecordSection | undefined {
  const { resolution, withdrawal } = escalation;
  if (resolution) {
    const outcome = policy.outcomes.find((candidate) => candidate.id === resolution.outcomeId);
    return {
      title: 'Resolution',
      lines: [
        { kind: 'field', label: 'Resolved', value: formatDateTime(new Date(resolution.resolvedAt)) },
        { kind: 'field', label: 'Agreement reached', value: agreementText(escalation, resolution) },
        { kind: 'field', label: 'Outcome', value: outcome?.label ?? resolution.outcomeId },
        { kind: 'field', label: 'Summary', value: resolution.summary },
      ],
    };
  }
  if (withdrawal) {
    return {
      title: 'Withdrawn',
      lines: [
        { kind: 'field', label: 'Withdrawn', value: formatDateTime(new Date(withdrawal.withdrawnAt)) },
        { kind: 'field', label: 'Reason', value: withdrawal.reason },
      ],
    };
  }
  return undefined;
}

function eventText(event: EscalationEvent): string {
  const reason = event.reason === undefined ? '' : ` Reason: ${event.reason}`;
  return `${formatDateTime(new Date(event.at))} – ${event.by.name} (${event.by.role}): ${event.summary}${reason}`;
}

/** A stored value in words, for showing what a correction changed. */
function valueText(value: unknown): string {
  if (typeof value === 'string') {
    return /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(value) ? formatDateTime(new Date(value)) : value;
  }
  if (typeof value === 'boolean') return yesNo(value);
  return JSON.stringify(value);
}

/** The entry an amendment changed, as it stood just after: the next amendment's "before", or the entry now. */
function entryAfter(escalation: Escalation, index: number): unknown {
  const event = escalation.events[index];
  const replaced = event?.replaced;
  if (!event || !replaced) return undefined;
  const sameEntry = (later: EscalationEvent) => {
    const other = later.replaced;
    if (later.kind !== 'amended' || other?.entry !== replaced.entry) return false;
    if (other.entry === 'discussion' && replaced.entry === 'discussion')
      return other.before.id === replaced.before.id;
    if (other.entry === 'duty' && replaced.entry === 'duty')
      return other.before.stepId === replaced.before.stepId && other.before.dutyId === replaced.before.dutyId;
    return other.entry === 'concern';
  };
  const next = escalation.events.slice(index + 1).find(sameEntry);
  if (next?.replaced) return next.replaced.before;
  switch (replaced.entry) {
    case 'discussion':
      return escalation.discussions.find((discussion) => discussion.id === replaced.before.id);
    case 'duty':
      return escalation.dutiesDone.find(
        (done) => done.stepId === replaced.before.stepId && done.dutyId === replaced.before.dutyId,
      );
    case 'concern':
      return escalation.concern;
    default:
      return undefined;
  }
}

const fieldWords: Record<string, string> = {
  heldAt: 'when held',
  method: 'how',
  raisingSide: 'who took part for the agency raising it',
  otherSide: 'who took part for the other agency',
  otherAgencyPosition: 'the other agency’s position',
  summary: 'summary',
  outcome: 'outcome',
  agreedActions: 'agreed actions',
  fedBack: 'fed back',
  recordedOnFile: 'recorded on file',
  doneAt: 'when done',
  doneBy: 'done by',
  note: 'note',
  reasonCategory: 'reason',
  disagreedWith: 'what is disagreed with',
  facts: 'facts',
  opinions: 'opinions',
  impactOnChild: 'impact on the child',
  childsVoice: 'the child’s voice',
  outcomeSought: 'outcome sought',
};

/** "summary: was “…”, now “…”", one per field the amendment changed. */
function changedWording(escalation: Escalation, index: number): string {
  const before = escalation.events[index]?.replaced?.before as Record<string, unknown> | undefined;
  const after = entryAfter(escalation, index) as Record<string, unknown> | undefined;
  if (!before || !after) return '';
  const changes = Object.keys({ ...before, ...after })
    .filter((key) => key !== 'recordedAt' && key !== 'recordedBy')
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map(
      (key) =>
        `${fieldWords[key] ?? key}: was “${valueText(before[key] ?? '')}”, now “${valueText(after[key] ?? '')}”`,
    );
  return changes.length === 0 ? '' : ` Changed: ${changes.join('; ')}.`;
}

function correctionsSection({ escalation }: Facts): RecordSection | undefined {
  const items = escalation.events.flatMap((event, index) => {
    if (event.kind === 'reopened') return [eventText(event)];
    if (event.kind !== 'amended') return [];
    return [`${eventText(event)}${changedWording(escalation, index)}`];
  });
  if (items.length === 0) return undefined;
  return {
    title: 'Corrections and reopenings',
    lines: [{ kind: 'list', label: 'Changes made after the event', items }],
  };
}

function footerSection({ escalation, options }: Facts): RecordSection {
  const author = options.author ?? escalation.raisedBy;
  return {
    lines: [
      { kind: 'text', text: `Record produced by ${personText(author)} on ${formatDateTime(options.now)}.` },
    ],
  };
}

function dutyDoneSection(facts: Facts, done: DutyDone): RecordSection {
  const step = stepById(facts.policy, done.stepId);
  const duty = step.duties.find((candidate) => candidate.id === done.dutyId);
  const lines: RecordLine[] = [
    { kind: 'field', label: 'Duty', value: duty?.text ?? done.dutyId },
    {
      kind: 'field',
      label: 'Done',
      value: `${formatDateTime(new Date(done.doneAt))}, by ${methodText(done.method)}`,
    },
  ];
  if (done.doneBy !== undefined) lines.push({ kind: 'field', label: 'Done by', value: done.doneBy });
  if (done.note !== undefined)
    lines.push({ kind: 'field', label: duty?.kind === 'consider' ? 'Decided' : 'Note', value: done.note });
  lines.push({
    kind: 'field',
    label: 'Recorded by',
    value: `${done.recordedBy.name} on ${formatDateTime(new Date(done.recordedAt))}`,
  });
  return { title: `Duty done – ${stepText(step)}`, lines };
}

function moveSection(facts: Facts, event: EscalationEvent): RecordSection {
  const entry = [...facts.escalation.stepsEntered]
    .reverse()
    .find((candidate) => candidate.stepId === event.stepId);
  const step = stepById(facts.policy, event.stepId);
  const involved = step.involved.map(
    (roleId) => facts.policy.roles.find((role) => role.id === roleId)?.title ?? roleId,
  );
  const lines: RecordLine[] = [
    { kind: 'field', label: 'When', value: formatDateTime(new Date(entry?.enteredAt ?? event.at)) },
    { kind: 'field', label: 'Step', value: step.title },
    { kind: 'field', label: 'What must happen', value: step.action },
    { kind: 'list', label: 'Involved', items: involved },
  ];
  if (entry?.route === 'ahead-of-timescale') {
    lines.push({
      kind: 'field',
      label: 'Reason for moving ahead of the timescale',
      value: entry.reason ?? '',
    });
    if (entry.skippedStepIds.length > 0) {
      lines.push({
        kind: 'field',
        label: 'Passed over',
        value: `step ${entry.skippedStepIds.join(', step ')}`,
      });
    }
  }
  return { title: `Moved to ${stepText(step)}`, lines };
}

/** The entry the latest change made, as it stands now. */
function latestEntrySections(facts: Facts): RecordSection[] {
  const { escalation } = facts;
  const event = escalation.events.at(-1);
  if (!event) return [];
  const discussion = escalation.discussions.find((candidate) => candidate.id === event.discussionId);
  const duty = escalation.dutiesDone.find(
    (candidate) => candidate.stepId === event.stepId && candidate.dutyId === event.dutyId,
  );
  const changedEntry = (): RecordSection[] => {
    if (discussion) return [discussionSection(facts, discussion)];
    if (duty) return [dutyDoneSection(facts, duty)];
    if (event.replaced?.entry === 'concern') return [concernSection(facts)];
    return [];
  };
  switch (event.kind) {
    case 'started':
      return [concernSection(facts), imminentRiskSection(facts)];
    case 'discussion-recorded':
    case 'duty-done':
      return changedEntry();
    case 'moved-to-next-step':
    case 'moved-ahead-of-timescale':
      return [moveSection(facts, event)];
    case 'resolved':
    case 'withdrawn': {
      const ending = endingSection(facts);
      return ending ? [ending] : [];
    }
    case 'reopened':
    case 'amended':
      return [
        {
          title: event.kind === 'reopened' ? 'Reopened' : 'Correction',
          lines: [
            {
              kind: 'text',
              text: `${eventText(event)}${event.kind === 'amended' ? changedWording(escalation, escalation.events.length - 1) : ''}`,
            },
          ],
        },
        ...changedEntry(),
      ];
  }
}

/** The record as sections, ready to be written as text or HTML. */
export function composeRecord(
  escalation: Escalation,
  policy: Policy,
  options: RecordOptions,
): RecordDocument {
  const state = deriveEscalationState(escalation, policy, options.now, {
    ...(options.calendar ? { calendar: options.calendar } : {}),
  });
  const facts: Facts = { escalation, policy, state, options };
  const sections =
    options.mode === 'latest'
      ? [headerSection(facts), ...latestEntrySections(facts), positionSection(facts), footerSection(facts)]
      : [
          headerSection(facts),
          concernSection(facts),
          imminentRiskSection(facts),
          positionSection(facts),
          progressSection(facts),
          ...escalation.discussions.map((discussion) => discussionSection(facts, discussion)),
          dutiesSection(facts),
          endingSection(facts),
          correctionsSection(facts),
          footerSection(facts),
        ];
  return {
    heading: recordHeading(policy, state.currentStage.number),
    sections: sections.filter((section): section is RecordSection => section !== undefined),
  };
}
