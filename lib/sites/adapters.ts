import * as z from 'zod/mini';
import { builtInAdapters, type SiteAdapter } from './selectors';

/**
 * The validated shape of a site adapter, for adapters that come from storage
 * or managed policy (users and IT add their own). The built-in adapters, the
 * meaning of each field and every host-page selector are in ./selectors.
 */

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
}

const pattern = z.string().check(z.minLength(1), z.maxLength(500), z.refine(compiles, 'not a valid pattern'));
const texts = z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(50));

export const siteAdapterSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  system: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  pages: pattern,
  recordUrl: z.optional(
    pattern.check(z.refine((source) => source.includes('(?<id>'), 'needs a group named id: (?<id>…)')),
  ),
  recordParams: z.optional(texts),
  idSelectors: z.optional(texts),
  idLabels: z.optional(texts),
  nameSelectors: z.optional(texts),
  nameLabels: z.optional(texts),
  nameFromHeadingNearId: z.optional(z.boolean()),
  idFormat: z.optional(pattern),
}) satisfies z.ZodMiniType<SiteAdapter>;

/**
 * The adapters to try on a page: the user's and IT's own first (they know
 * their system), then the built-in ones. Invalid stored adapters are dropped.
 */
export function adaptersToTry(custom: readonly unknown[] = []): SiteAdapter[] {
  const valid = custom.flatMap((candidate) => {
    const parsed = z.safeParse(siteAdapterSchema, candidate);
    return parsed.success ? [parsed.data] : [];
  });
  return [...valid, ...builtInAdapters];
}
