import { describe, expect, it } from 'vitest';
import * as z from '../schema/zod';
import { adaptersToTry, siteAdapterSchema } from './adapters';
import { builtInAdapters, genericAdapter } from './selectors';

describe('siteAdapterSchema', () => {
  it('accepts every built-in adapter', () => {
    for (const adapter of builtInAdapters) expect(z.safeParse(siteAdapterSchema, adapter).success).toBe(true);
  });

  it('refuses patterns that do not compile and record URLs without an id group', () => {
    expect(z.safeParse(siteAdapterSchema, { id: 'x', pages: '(' }).success).toBe(false);
    expect(z.safeParse(siteAdapterSchema, { id: 'x', pages: '.', recordUrl: '/person/(\\d+)' }).success).toBe(
      false,
    );
  });
});

describe('adaptersToTry', () => {
  it('puts valid stored adapters first, drops invalid ones, and ends with the generic adapter', () => {
    const stored = [{ id: 'mine', pages: '^https://mine\\.example/' }, { id: 'bad' }];
    const adapters = adaptersToTry(stored);
    expect(adapters.map((adapter) => adapter.id)).toEqual(['mine', ...builtInAdapters.map((a) => a.id)]);
    expect(adapters.at(-1)).toBe(genericAdapter);
  });
});
