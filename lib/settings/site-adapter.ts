import * as z from '../schema/zod';

/**
 * The shape of a site adapter: how the extension finds the child on a
 * case-record system's pages. Users and IT supply their own (Settings → Sites,
 * managed settings), so the settings parse it; the built-in adapters and every
 * host-page selector are in lib/sites/selectors.ts.
 */
export interface SiteAdapter {
  id: string;
  /** The case-record system's name as practitioners know it; the site's host name when not given. */
  system?: string | undefined;
  /** Which pages the adapter reads: tested against the page's full URL. */
  pages: string;
  /** Where the record id sits in the URL: a pattern with a group named `id`. */
  recordUrl?: string | undefined;
  /** Query-string parameters that hold the record id. */
  recordParams?: string[] | undefined;
  /** Elements whose text is the record id. */
  idSelectors?: string[] | undefined;
  /** Labels shown beside the record id in the page ("Person ID"). */
  idLabels?: string[] | undefined;
  /** Elements whose text is the child's name. */
  nameSelectors?: string[] | undefined;
  /** Labels shown beside the child's name. */
  nameLabels?: string[] | undefined;
  /** When no name is found by selector or label: the heading of the band that holds the id label. */
  nameFromHeadingNearId?: boolean | undefined;
  /** What a record id looks like; text that does not match is not taken for one. */
  idFormat?: string | undefined;
}

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
