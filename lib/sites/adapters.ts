import { siteAdapterSchema } from '@/lib/settings/site-adapter';
import * as z from '../schema/zod';
import { builtInAdapters, type SiteAdapter } from './selectors';

export { siteAdapterSchema };

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
