import type { Policy, Step } from '@/lib/policy';

/**
 * The steps an escalation may move ahead to, out of the timescale, from its
 * current step: any later step or stage, since the procedure is not always linear.
 */
export function stepsAhead(policy: Policy, currentStepId: string): Step[] {
  const index = policy.steps.findIndex((step) => step.id === currentStepId);
  return index < 0 ? [] : policy.steps.slice(index + 1);
}
