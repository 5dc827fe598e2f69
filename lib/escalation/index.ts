/**
 * Escalations: the stored record, the changes a practitioner can make to it,
 * and what it means at a given moment (deadlines, next step, missed steps).
 */

export { applyChange, type EscalationChange, escalationChangeSchema } from './changes';
export { childLabel } from './child-label';
export {
  type AmendInput,
  amendInputSchema,
  type MoveAheadInput,
  type MoveToNextStepInput,
  moveAheadInputSchema,
  moveToNextStepInputSchema,
  type RecordDiscussionInput,
  type ReopenInput,
  type ResolveInput,
  recordDiscussionInputSchema,
  reopenInputSchema,
  resolveInputSchema,
  type StartEscalationInput,
  startEscalationInputSchema,
  type TickDutyInput,
  tickDutyInputSchema,
  type WithdrawInput,
  withdrawInputSchema,
} from './inputs';
export {
  type AgreedAction,
  type Child,
  type Concern,
  type Discussion,
  type DiscussionMethod,
  type DutyDone,
  type DutyMethod,
  ESCALATION_SCHEMA_VERSION,
  type Escalation,
  type EscalationEvent,
  type EscalationStatus,
  escalationSchema,
  type ImminentRisk,
  type OtherParty,
  type Person,
  personSchema,
  type StepEntry,
  type Track,
} from './schema';
export {
  type DeriveOptions,
  type DutyProgress,
  deriveEscalationState,
  type EscalationState,
  type NextStep,
  nextStepDue,
  type StepProgress,
  type StepStatus,
} from './state';
export {
  amendEntry,
  type EscalationError,
  type EscalationErrorCode,
  moveAheadOfTimescale,
  moveToNextStep,
  recordDiscussion,
  reopenEscalation,
  resolveEscalation,
  type StartContext,
  startEscalation,
  type TransitionContext,
  type TransitionResult,
  tickDuty,
  withdrawEscalation,
} from './transitions';
