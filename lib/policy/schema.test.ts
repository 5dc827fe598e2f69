import { describe, expect, it } from 'vitest';
import { durationSchema } from './schema';

describe('durationSchema', () => {
  it('refuses a negative amount', () => {
    expect(durationSchema.safeParse({ unit: 'working-days', amount: -1 }).success).toBe(false);
  });
});
