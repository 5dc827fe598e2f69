import type { Policy, Stage } from './schema';

/** A policy's stage by its number; steps and records name stages only by number. */
export const findStage = (policy: Pick<Policy, 'stages'>, number: number): Stage | undefined =>
  policy.stages.find((stage) => stage.number === number);
