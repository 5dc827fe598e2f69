import { panBerkshirePolicy } from './pan-berkshire';
import type { Policy, Timescale } from './schema';

export { panBerkshirePolicy } from './pan-berkshire';
export { type ParseResult, type Problem, parseJson, parsePolicy } from './parse';
export * from './schema';
export { findStage } from './stages';

/** Policies that ship with the extension; the first is the default. */
export const builtInPolicies: readonly Policy[] = [panBerkshirePolicy];

/**
 * The policy an escalation pinned, by id and version. Built-in policies win
 * over imported ones with the same id and version, so a pinned built-in
 * policy always comes back exactly as released.
 */
export function findPolicy(
  id: string,
  version: string,
  extraPolicies: readonly Policy[] = [],
): Policy | undefined {
  return [...builtInPolicies, ...extraPolicies].find(
    (policy) => policy.id === id && policy.version === version,
  );
}

const UNITS = {
  'working-days': 'working day',
  'working-hours': 'working hour',
  hours: 'hour',
  'calendar-days': 'calendar day',
} as const;

/**
 * A timescale in words, e.g. "within 2 working days of the start of the
 * difference of opinion" or "within 48 hours of completing “Acknowledge”".
 */
export function describeTimescale(timescale: Timescale, policy: Policy): string {
  const { duration, from } = timescale;
  let anchor: string;
  switch (from.from) {
    case 'difference-started':
      anchor = 'the start of the difference of opinion';
      break;
    case 'step-completed': {
      const step = policy.steps.find((candidate) => candidate.id === from.stepId);
      anchor = step ? `completing “${step.title}”` : 'completing the previous step';
      break;
    }
    case 'stage-entered':
      anchor = 'entering the stage';
      break;
  }
  const due =
    duration.unit === 'immediately'
      ? `immediately after ${anchor}`
      : `within ${duration.amount} ${UNITS[duration.unit]}${duration.amount === 1 ? '' : 's'} of ${anchor}`;
  return timescale.indicative ? `${due} (a guide, not a fixed deadline)` : due;
}
