import { describe, expect, it } from 'vitest';
import { escalationSchema, instantSchema } from './schema';
import { startedEscalation } from './testing';

describe('instantSchema', () => {
  it('stores a time with an offset as the same moment in UTC', () => {
    expect(instantSchema.parse('2026-03-29T11:00:00+01:00')).toBe('2026-03-29T10:00:00.000Z');
  });

  it('refuses a time without an offset, which would depend on the machine’s zone', () => {
    expect(instantSchema.safeParse('2026-11-02T10:30:00').success).toBe(false);
  });

  it('refuses text that is no moment at all with its message, rather than throwing', () => {
    for (const text of ['x', '', '2026-02-30T25:00:00Z']) {
      const result = instantSchema.safeParse(text);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/must be a date and time with its offset/);
    }
  });
});

describe('escalationSchema', () => {
  it('reads back what it stored', () => {
    const stored = JSON.parse(JSON.stringify(startedEscalation()));
    expect(escalationSchema.parse(stored)).toEqual(stored);
  });

  it('refuses a current step that is not the last step entered', () => {
    const result = escalationSchema.safeParse({ ...startedEscalation(), currentStepId: '2' });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'the current step must be the last step entered',
    ]);
  });

  it('refuses a status that disagrees with the resolution or withdrawal', () => {
    expect(escalationSchema.safeParse({ ...startedEscalation(), status: 'resolved' }).success).toBe(false);
    expect(
      escalationSchema.safeParse({
        ...startedEscalation(),
        withdrawal: { withdrawnAt: '2026-11-03T09:00:00Z', reason: 'Explained.' },
      }).success,
    ).toBe(false);
  });

  it('refuses a record from another schema version', () => {
    expect(escalationSchema.safeParse({ ...startedEscalation(), schemaVersion: 2 }).success).toBe(false);
  });
});
