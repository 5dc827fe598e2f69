import type { Policy, Step } from '@/lib/policy';

/**
 * The steps an escalation may move ahead to, out of the timescale, from its
 * current step: any later step, as long as every stage passed over on the way
 * may be skipped on the urgent track.
 */
export function stepsAhead(policy: Policy, currentStepId: string): Step[] {
  const index = policy.steps.findIndex((step) => step.id === currentStepId);
  const current = policy.steps[index];
  if (!current) return [];
  return policy.steps
    .slice(index + 1)
    .filter((target) =>
      policy.stages.every(
        (stage) => stage.number <= current.stage || stage.number >= target.stage || stage.skippableWhenUrgent,
      ),
    );
}
