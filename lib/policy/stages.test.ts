import { describe, expect, it } from 'vitest';
import { panBerkshirePolicy } from './pan-berkshire';
import { findStage } from './stages';

describe('findStage', () => {
  it('finds a stage by its number, and nothing for a number the policy does not have', () => {
    expect(findStage(panBerkshirePolicy, 1)?.number).toBe(1);
    expect(findStage(panBerkshirePolicy, 2)?.name).toBe(panBerkshirePolicy.stages[1]?.name);
    expect(findStage(panBerkshirePolicy, 99)).toBeUndefined();
  });
});
