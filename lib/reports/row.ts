import { type CalendarSettings, calendarFor } from '../calendar';
import { londonDate } from '../calendar/london';
import { workingDaysBetween } from '../calendar/working-days';
import { deriveEscalationState, type Escalation } from '../escalation';
import type { Policy } from '../policy';
import { findStage } from '../policy/stages';
import * as z from '../schema/zod';

/**
 * One escalation as the partnership's returns see it: agencies, team, stage,
 * reason, outcome, dates and deadlines. Nothing about the child and no free
 * text the practitioner wrote about the case: the only words are agency and
 * team names and the policy's own labels. It is also what is kept, for a set
 * period, after retention deletes an ended escalation.
 */

const text = z.string().check(z.trim(), z.minLength(1), z.maxLength(300));
const isoDate = z.iso.date();
const policyId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/));

export const deadlineResultSchema = z.object({
  stepId: policyId,
  stepTitle: text,
  stage: z.number().check(z.int(), z.positive()),
  dueOn: isoDate,
  met: z.boolean(),
});
export type DeadlineResult = z.infer<typeof deadlineResultSchema>;

export const returnsRowSchema = z.object({
  /** The escalation's own reference (never the child's): see escalationReference. */
  reference: z.string().check(z.regex(/^ESC-\d{8}-[A-Z0-9]{1,8}$/)),
  policy: z.object({ id: policyId, version: text }),
  raisingAgency: text,
  team: z.optional(text),
  agencyRaisedWith: text,
  track: z.enum(['standard', 'urgent']),
  status: z.enum(['open', 'resolved', 'withdrawn']),
  /** The UK date the difference of opinion started. */
  startedOn: isoDate,
  /** The UK date it was resolved or withdrawn. */
  endedOn: z.optional(isoDate),
  stageReached: z.number().check(z.int(), z.positive()),
  stageName: text,
  stepReached: z.object({ id: policyId, title: text }),
  reason: z.object({ id: policyId, label: text }),
  /** The policy's outcome once it has ended. */
  outcome: z.optional(z.object({ id: policyId, label: text })),
  /** Working days from the day it started to the day it ended. */
  workingDaysTaken: z.optional(z.number().check(z.int(), z.minimum(0))),
  /** Each step whose deadline has been met or missed (not those still to come, skipped or only a guide). */
  deadlines: z.array(deadlineResultSchema),
});
export type ReturnsRow = z.infer<typeof returnsRowSchema>;

/**
 * The escalation's own reference, for the partnership and the returns: its
 * start date and the first characters of its random id, e.g.
 * ESC-20261102-3F2A9C1B. It says nothing about the child.
 */
export function escalationReference(escalation: Pick<Escalation, 'id' | 'differenceStartedAt'>): string {
  const started = londonDate(new Date(escalation.differenceStartedAt)).replaceAll('-', '');
  const tail =
    escalation.id
      .replace(/[^a-zA-Z0-9]/g, '')
      .slice(0, 8)
      .toUpperCase() || '0';
  return `ESC-${started}-${tail}`;
}

/** When the escalation ended, if it has. */
function endedAt(escalation: Escalation): Date | undefined {
  if (escalation.status === 'resolved' && escalation.resolution)
    return new Date(escalation.resolution.resolvedAt);
  if (escalation.status === 'withdrawn' && escalation.withdrawal)
    return new Date(escalation.withdrawal.withdrawnAt);
  return undefined;
}

function outcomeOf(escalation: Escalation, policy: Policy): ReturnsRow['outcome'] {
  if (escalation.status === 'resolved' && escalation.resolution) {
    const { outcomeId } = escalation.resolution;
    const outcome = policy.outcomes.find((candidate) => candidate.id === outcomeId);
    return { id: outcomeId, label: outcome?.label ?? outcomeId };
  }
  if (escalation.status === 'withdrawn') {
    // A withdrawal carries no outcome of its own; the policy's "withdrawn" outcome names it where it has one.
    const outcome = policy.outcomes.find((candidate) => candidate.id === 'withdrawn');
    return { id: 'withdrawn', label: outcome?.label ?? 'Withdrawn' };
  }
  return undefined;
}

export interface RowContext {
  /** The policy the escalation is pinned to. */
  policy: Policy;
  /** The organisation's calendar over the policy's own. */
  calendar?: Partial<CalendarSettings>;
  /** The user's team, from their profile. */
  team?: string;
  now: Date;
}

/** The anonymised row for an escalation, as it stands at `now`. */
export function returnsRowOf(escalation: Escalation, context: RowContext): ReturnsRow {
  const { policy, now } = context;
  const state = deriveEscalationState(escalation, policy, now, { calendar: context.calendar ?? {} });
  const calendar = calendarFor(policy, context.calendar);
  const started = new Date(escalation.differenceStartedAt);
  const ended = endedAt(escalation);
  const stageReached = Math.max(...escalation.stepsEntered.map((entry) => entry.stage));
  const stage = findStage(policy, stageReached);
  const reason = policy.reasonCategories.find(
    (category) => category.id === escalation.concern.reasonCategory,
  );
  const outcome = outcomeOf(escalation, policy);
  const team = context.team?.trim();

  const deadlines: DeadlineResult[] = state.steps.flatMap((progress) => {
    if (!progress.dueAt || progress.indicative) return [];
    const met = progress.missed ? false : progress.met;
    if (met === undefined) return [];
    return [
      {
        stepId: progress.step.id,
        stepTitle: progress.step.title,
        stage: progress.step.stage,
        dueOn: londonDate(progress.dueAt),
        met,
      },
    ];
  });

  return {
    reference: escalationReference(escalation),
    policy: { ...escalation.policy },
    raisingAgency: escalation.raisedBy.agency,
    ...(team ? { team } : {}),
    agencyRaisedWith: escalation.otherParty.agency,
    track: escalation.track,
    status: escalation.status,
    startedOn: londonDate(started),
    ...(ended ? { endedOn: londonDate(ended) } : {}),
    stageReached,
    stageName: stage?.name ?? `Stage ${stageReached}`,
    stepReached: { id: state.currentStep.id, title: state.currentStep.title },
    reason: {
      id: escalation.concern.reasonCategory,
      label: reason?.label ?? escalation.concern.reasonCategory,
    },
    ...(outcome ? { outcome } : {}),
    ...(ended ? { workingDaysTaken: workingDaysBetween(started, ended, calendar) } : {}),
    deadlines,
  };
}
