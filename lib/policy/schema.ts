import * as z from '../schema/zod';

/**
 * An escalation policy as data. The model has to express the procedures that
 * safeguarding partnerships actually publish, which differ in what a deadline
 * counts from, in units, in urgent tracks and in notification duties, so none
 * of those is fixed in code.
 */

const nonEmpty = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const id = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens'));
const isoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });
// A procedure may give only the month it took effect ("March 2026").
const isoDateOrMonth = z.union([isoDate, z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/))], {
  message: 'must be a date written YYYY-MM-DD, or a month written YYYY-MM',
});
const clockTime = z
  .string()
  .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time written HH:MM'));

export const ukRegionSchema = z.enum(['england-and-wales', 'scotland', 'northern-ireland']);
export type UkRegion = z.infer<typeof ukRegionSchema>;

export const deadlineRuleSchema = z.enum(['end-of-day', 'same-time']);
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

export const workingHoursSchema = z.object({ start: clockTime, end: clockTime }).check(
  z.refine((hours) => hours.start < hours.end, {
    message: 'working hours must end after they start',
    path: ['end'],
  }),
);
export type WorkingHours = z.infer<typeof workingHoursSchema>;

/** The calendar a policy is written for; an organisation's settings may override it. */
export const policyCalendarSchema = z.object({
  region: z._default(ukRegionSchema, 'england-and-wales'),
  workingHours: z._default(workingHoursSchema, { start: '09:00', end: '17:00' }),
  deadlineRule: z._default(deadlineRuleSchema, 'end-of-day'),
});
export type PolicyCalendar = z.infer<typeof policyCalendarSchema>;

/** How long a step may take. "immediately" means due at the moment its anchor happens. */
export const durationSchema = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('immediately') }),
  z.object({
    unit: z.enum(['working-days', 'working-hours', 'hours', 'calendar-days']),
    amount: z.number().check(z.int('must be a whole number'), z.positive('must be more than zero')),
  }),
]);
export type Duration = z.infer<typeof durationSchema>;

/**
 * What a deadline counts from. Pan Berkshire counts every step from the start
 * of the difference of opinion; chained procedures count from when an earlier
 * milestone was completed; some count from entry into the stage.
 */
export const anchorSchema = z.discriminatedUnion('from', [
  z.object({ from: z.literal('difference-started') }),
  z.object({
    from: z.literal('step-completed'),
    /** The earlier step; when absent, the step immediately before this one. */
    stepId: z.optional(id),
  }),
  z.object({ from: z.literal('stage-entered') }),
]);
export type Anchor = z.infer<typeof anchorSchema>;

export const timescaleSchema = z.object({
  duration: durationSchema,
  from: z._default(anchorSchema, { from: 'difference-started' }),
  /** Some procedures give timescales only as a guide; they are shown but never called missed. */
  indicative: z._default(z.boolean(), false),
  /** The procedure's own words for the timescale, quoted for practitioners. */
  wording: z.optional(nonEmpty),
});
export type Timescale = z.infer<typeof timescaleSchema>;

/** The side of the disagreement a role sits on. */
export const roleSideSchema = z.enum(['raising', 'receiving', 'both', 'partnership', 'independent']);

export const roleSchema = z.object({
  id,
  title: nonEmpty,
  side: roleSideSchema,
  description: z.optional(nonEmpty),
});
export type Role = z.infer<typeof roleSchema>;

// Any stage may be passed over, with a reason: procedures say escalation is not always linear.
export const stageSchema = z.object({
  number: z.number().check(z.int(), z.positive()),
  name: nonEmpty,
});
export type Stage = z.infer<typeof stageSchema>;

/** What happens at a step: a discussion, or a milestone such as an acknowledgement or an outcome letter. */
export const milestoneKindSchema = z.enum([
  'discussion',
  'acknowledge',
  'respond',
  'meeting',
  'outcome-letter',
  'report',
]);

/**
 * A duty at a step that the practitioner ticks off: feed agreed action back,
 * record on each agency's file, or tell someone (mandatory or optional).
 */
export const dutySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('feed-back'),
    id,
    text: nonEmpty,
    required: z._default(z.boolean(), true),
  }),
  z.object({
    kind: z.literal('record-on-file'),
    id,
    text: nonEmpty,
    required: z._default(z.boolean(), true),
  }),
  z.object({
    kind: z.literal('notify'),
    id,
    text: nonEmpty,
    /** A role id from the policy's roles, usually a partnership or independent role. */
    recipient: id,
    /** Further roles the same duty tells, e.g. a referral to two bodies at once. */
    alsoTo: z._default(z.array(id), []),
    required: z.boolean(),
  }),
  /** Something the procedure asks to be considered; recording it says what was decided. */
  z.object({
    kind: z.literal('consider'),
    id,
    text: nonEmpty,
    required: z._default(z.boolean(), false),
  }),
]);
export type Duty = z.infer<typeof dutySchema>;

export const stepSchema = z.object({
  id,
  stage: z.number().check(z.int(), z.positive()),
  title: nonEmpty,
  kind: z._default(milestoneKindSchema, 'discussion'),
  /** What must happen at this step, in the procedure's meaning. */
  action: nonEmpty,
  /** Role ids of those who must take part. */
  involved: z.array(id).check(z.minLength(1, 'a step involves at least one role')),
  /** Things the procedure suggests considering at this step. */
  consider: z._default(z.array(nonEmpty), []),
  timescale: timescaleSchema,
  /** A shorter timescale on the urgent track; the standard one applies when absent. */
  urgentTimescale: z.optional(timescaleSchema),
  /** What must be recorded at this step. */
  recording: z._default(z.array(nonEmpty), []),
  duties: z._default(z.array(dutySchema), []),
});
export type Step = z.infer<typeof stepSchema>;

export const imminentRiskSchema = z.object({
  question: nonEmpty,
  /** What to do now, in order, in plain words. */
  actions: z.array(nonEmpty).check(z.minLength(1)),
  emergency: nonEmpty,
});

export const outOfScopeSchema = z.object({
  id,
  title: nonEmpty,
  routeTo: nonEmpty,
});

export const outcomeSchema = z.object({
  id,
  label: nonEmpty,
  /** Does this outcome end the escalation? */
  ends: z.boolean(),
  /** The stages it can be recorded at; any stage when absent. */
  stages: z.optional(z.array(z.number().check(z.int(), z.positive()))),
  /** Whether it says agreement was, or was not, reached; either when absent. */
  agreement: z.optional(z.enum(['reached', 'not-reached'])),
  /** Recorded through Withdraw, never as a resolution: a withdrawn escalation has its own status. */
  byWithdrawing: z._default(z.boolean(), false),
});
export type Outcome = z.infer<typeof outcomeSchema>;

export const reasonCategorySchema = z.object({ id, label: nonEmpty });
export type ReasonCategory = z.infer<typeof reasonCategorySchema>;

export const urgentTrackSchema = z.object({
  description: nonEmpty,
  /** Must moving ahead of the timescale or skipping a stage give a reason? */
  reasonRequired: z._default(z.boolean(), true),
});

export const POLICY_FORMAT_VERSION = 1;

export const policySchema = z
  .object({
    format: z.literal(POLICY_FORMAT_VERSION),
    id,
    name: nonEmpty,
    partnership: nonEmpty,
    version: nonEmpty,
    effectiveDate: isoDateOrMonth,
    source: z.object({
      title: nonEmpty,
      url: z.optional(z.url()),
      reference: z.optional(nonEmpty),
    }),
    /** Deadlines are always worked out in the policy's zone, never the machine's. */
    timeZone: z._default(z.literal('Europe/London'), 'Europe/London'),
    calendar: z._default(policyCalendarSchema, {
      region: 'england-and-wales',
      workingHours: { start: '09:00', end: '17:00' },
      deadlineRule: 'end-of-day',
    }),
    roles: z.array(roleSchema).check(z.minLength(1)),
    stages: z.array(stageSchema).check(z.minLength(1)),
    steps: z.array(stepSchema).check(z.minLength(1)),
    urgentTrack: z.optional(urgentTrackSchema),
    /** The procedure's note that escalation is not always linear. */
    nonLinearNote: z.optional(nonEmpty),
    imminentRisk: imminentRiskSchema,
    outOfScope: z._default(z.array(outOfScopeSchema), []),
    outcomes: z.array(outcomeSchema).check(z.minLength(1)),
    reasonCategories: z.array(reasonCategorySchema).check(z.minLength(1)),
    closingGuidance: z._default(z.array(nonEmpty), []),
  })
  .check(
    z.superRefine((policy, ctx) => {
      const roleIds = new Set(policy.roles.map((role) => role.id));
      const stageNumbers = new Set(policy.stages.map((stage) => stage.number));
      const seenSteps = new Set<string>();

      policy.stages.forEach((stage, index) => {
        if (stage.number !== index + 1) {
          ctx.addIssue({
            code: 'custom',
            path: ['stages', index, 'number'],
            message: `stages must be numbered 1, 2, 3… in order; expected ${index + 1}`,
          });
        }
      });

      let previousStage = 0;
      policy.steps.forEach((step, index) => {
        const at = (...path: (string | number)[]) => ['steps', index, ...path];
        if (seenSteps.has(step.id)) {
          ctx.addIssue({ code: 'custom', path: at('id'), message: `step id "${step.id}" is used twice` });
        }
        if (!stageNumbers.has(step.stage)) {
          ctx.addIssue({ code: 'custom', path: at('stage'), message: `there is no stage ${step.stage}` });
        }
        if (step.stage < previousStage) {
          ctx.addIssue({
            code: 'custom',
            path: at('stage'),
            message: 'steps must be listed in stage order',
          });
        }
        previousStage = step.stage;
        step.involved.forEach((roleId, roleIndex) => {
          if (!roleIds.has(roleId)) {
            ctx.addIssue({
              code: 'custom',
              path: at('involved', roleIndex),
              message: `there is no role "${roleId}"`,
            });
          }
        });
        step.duties.forEach((duty, dutyIndex) => {
          if (duty.kind !== 'notify') return;
          if (!roleIds.has(duty.recipient)) {
            ctx.addIssue({
              code: 'custom',
              path: at('duties', dutyIndex, 'recipient'),
              message: `there is no role "${duty.recipient}"`,
            });
          }
          duty.alsoTo.forEach((roleId, roleIndex) => {
            if (!roleIds.has(roleId)) {
              ctx.addIssue({
                code: 'custom',
                path: at('duties', dutyIndex, 'alsoTo', roleIndex),
                message: `there is no role "${roleId}"`,
              });
            }
          });
        });
        for (const key of ['timescale', 'urgentTimescale'] as const) {
          const anchor = step[key]?.from;
          if (anchor?.from !== 'step-completed') continue;
          if (anchor.stepId === undefined ? index === 0 : !seenSteps.has(anchor.stepId)) {
            ctx.addIssue({
              code: 'custom',
              path: at(key, 'from'),
              message: 'a deadline can only count from a step listed before this one',
            });
          }
        }
        seenSteps.add(step.id);
      });
    }),
  );

export type Policy = z.infer<typeof policySchema>;
/** A policy as written in a file, before defaults are filled in. */
export type PolicyInput = z.input<typeof policySchema>;
