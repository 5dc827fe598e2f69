import { describe, expect, it } from 'vitest';
import {
  exampleChainedPolicy,
  exampleChainedPolicyInput,
} from '../../test/fixtures/policies/example-chained';
import { panBerkshirePolicy } from './pan-berkshire';
import { parsePolicy } from './parse';

describe('parsePolicy', () => {
  it('accepts JSON text or a parsed value, filling in defaults', () => {
    expect(parsePolicy(JSON.stringify(panBerkshirePolicy))).toEqual({ ok: true, policy: panBerkshirePolicy });
    expect(parsePolicy(exampleChainedPolicyInput)).toEqual({ ok: true, policy: exampleChainedPolicy });
    const result = parsePolicy(exampleChainedPolicyInput);
    expect(result.ok && result.policy.steps[0]?.timescale.from).toEqual({ from: 'difference-started' });
  });

  it('reports invalid JSON as one problem at the top', () => {
    const result = parsePolicy('{"id": "pan-berkshire",');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]?.path).toBe('');
      expect(result.problems[0]?.message).toMatch(/^This is not valid JSON/);
    }
  });

  it('reports each problem with a readable path', () => {
    const broken = structuredClone(exampleChainedPolicyInput) as unknown as {
      steps: { timescale: { duration: { amount?: number } } }[];
      effectiveDate: string;
    };
    const third = broken.steps[2];
    if (!third) throw new Error('fixture changed');
    third.timescale.duration.amount = -2;
    broken.effectiveDate = 'January 2026';
    const result = parsePolicy(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual(
        expect.arrayContaining([
          { path: 'effectiveDate', message: 'must be a date written YYYY-MM-DD, or a month written YYYY-MM' },
          { path: 'steps[2].timescale.duration.amount', message: 'must be more than zero' },
        ]),
      );
    }
    // Cross-reference checks run once the shape is right.
    const unknownRole = structuredClone(exampleChainedPolicyInput) as unknown as {
      steps: { involved: string[] }[];
    };
    if (unknownRole.steps[0]) unknownRole.steps[0].involved = ['nobody'];
    expect(parsePolicy(unknownRole)).toEqual({
      ok: false,
      problems: [{ path: 'steps[0].involved[0]', message: 'there is no role "nobody"' }],
    });
  });

  it('never throws, whatever it is given', () => {
    for (const input of [undefined, null, 42, '', 'null', [], { format: 2 }]) {
      const result = parsePolicy(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
    }
  });
});
