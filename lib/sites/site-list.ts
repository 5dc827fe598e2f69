import { MessageError } from '@/lib/messaging';
import type { OrganisationSettings } from '@/lib/settings';
import * as z from '../schema/zod';
import { adaptersToTry } from './adapters';
import { genericAdapter, type SiteAdapter } from './selectors';
import { siteName } from './site-pattern';

/**
 * The list of sites the overlay may run on: the user's own (stored under
 * `storageKeys.sites`) and the organisation's (from its managed policy). Pure:
 * it decides what the list is and how a change alters it; ./enablement reads
 * and writes it, and says which sites are in use.
 */

export const sitePatternSchema = z.string().check(z.regex(/^https?:\/\/[^/*]+\/\*$/));
const adapterIdSchema = z.string().check(z.minLength(1), z.maxLength(100));

/** One site as the user keeps it. */
export const siteEntrySchema = z.object({
  site: sitePatternSchema,
  /** The adapter that finds the child on this site; absent means "Automatic": every adapter is tried. */
  adapter: z.optional(adapterIdSchema),
  /** Off keeps the site (and the browser's permission) but runs nothing there. */
  on: z.boolean(),
});
export type SiteEntry = z.infer<typeof siteEntrySchema>;

/** One site as it applies now, with where it comes from. */
export const siteSchema = z.object({
  site: sitePatternSchema,
  adapter: z.optional(adapterIdSchema),
  on: z.boolean(),
  /** Listed by the organisation's managed policy. */
  organisation: z.boolean(),
  /** The organisation's and fixed by it: always on, its adapter as IT chose. */
  locked: z.boolean(),
});
export type Site = z.infer<typeof siteSchema>;

/** The organisation's part of the list, as lib/settings checked it. */
export type OrganisationSites = Pick<OrganisationSettings, 'state' | 'name' | 'sites' | 'adapters'>;

/** The stored list, each entry checked on its own: one damaged entry costs only that site. */
export function readSiteEntries(stored: unknown): SiteEntry[] {
  if (!Array.isArray(stored)) return [];
  const entries = stored.flatMap((candidate) => {
    const parsed = z.safeParse(siteEntrySchema, candidate);
    return parsed.success ? [parsed.data] : [];
  });
  return entries.filter((entry, index) => entries.findIndex((other) => other.site === entry.site) === index);
}

/**
 * The sites in force: the organisation's first, in IT's order, then the
 * user's by name. Where the organisation lets users change its sites, the
 * user's entry for one (their switch and adapter) wins over IT's.
 */
export function mergeSites(user: readonly SiteEntry[], organisation: OrganisationSites): Site[] {
  const merged: Site[] = [];
  for (const managed of organisation.sites) {
    if (merged.some((site) => site.site === managed.site)) continue;
    const own = managed.locked ? undefined : user.find((entry) => entry.site === managed.site);
    const chosen = own ?? { site: managed.site, adapter: managed.adapter, on: true };
    merged.push({ ...withoutAbsentAdapter(chosen), organisation: true, locked: managed.locked });
  }
  const own = user
    .filter((entry) => !merged.some((site) => site.site === entry.site))
    .sort((a, b) => siteName(a.site).localeCompare(siteName(b.site)));
  for (const entry of own)
    merged.push({ ...withoutAbsentAdapter(entry), organisation: false, locked: false });
  return merged;
}

function withoutAbsentAdapter(entry: SiteEntry): SiteEntry {
  const { adapter, ...rest } = entry;
  return adapter === undefined ? rest : { ...rest, adapter };
}

/** Who set the organisation's sites, in the words the options page and popup use. */
export const organisationLabel = (organisation: Pick<OrganisationSettings, 'name'>) =>
  organisation.name ?? 'your organisation';

/**
 * The adapters tried on a page of `site`: its chosen adapter alone, or when
 * there is none (or it no longer exists) IT's adapters, then the built-in ones.
 */
export function adaptersForSite(site: Site | undefined, organisationAdapters: readonly SiteAdapter[]) {
  const automatic = adaptersToTry(organisationAdapters);
  const chosen = site?.adapter === undefined ? undefined : automatic.find(({ id }) => id === site.adapter);
  return chosen ? [chosen] : automatic;
}

/** An adapter the user may choose for a site, named as practitioners know the system. */
export const adapterChoiceSchema = z.object({
  id: adapterIdSchema,
  name: z.string(),
  from: z.enum(['organisation', 'built-in']),
});
export type AdapterChoice = z.infer<typeof adapterChoiceSchema>;

export function adapterChoices(organisationAdapters: readonly SiteAdapter[]): AdapterChoice[] {
  const itsOwn = new Set(organisationAdapters.map(({ id }) => id));
  return adaptersToTry(organisationAdapters)
    .filter((adapter, index, all) => all.findIndex(({ id }) => id === adapter.id) === index)
    .map((adapter) => ({
      id: adapter.id,
      name:
        adapter.system ??
        (adapter.id === genericAdapter.id ? 'Any system (common page layouts)' : adapter.id),
      from: itsOwn.has(adapter.id) ? 'organisation' : 'built-in',
    }));
}

/** Every site as the options page lists it, with what the browser allows and the adapters to choose from. */
export const siteListingSchema = z.object({
  /** Who sets the organisation's sites; null when there is no organisation. */
  organisation: z.nullable(z.string()),
  sites: z.array(
    z.extend(siteSchema, {
      name: z.string(),
      /** The browser allows the extension on the site. */
      granted: z.boolean(),
    }),
  ),
  adapters: z.array(adapterChoiceSchema),
});
export type SiteListing = z.infer<typeof siteListingSchema>;
export type ListedSite = SiteListing['sites'][number];

export function siteListing(
  sites: readonly Site[],
  organisation: OrganisationSites,
  granted: ReadonlySet<string>,
): SiteListing {
  return {
    organisation: organisation.state === 'applied' ? organisationLabel(organisation) : null,
    sites: sites.map((site) => ({ ...site, name: siteName(site.site), granted: granted.has(site.site) })),
    adapters: adapterChoices(organisation.adapters),
  };
}

function siteIn(sites: readonly Site[], pattern: string): Site {
  const site = sites.find((candidate) => candidate.site === pattern);
  if (!site) throw new MessageError('unknown-site', `${siteName(pattern)} is not in your list of sites.`);
  return site;
}

function refuseIfLocked(site: Site, organisation: OrganisationSites, change: string): void {
  if (site.locked) {
    throw new MessageError(
      'site-locked',
      `${organisationLabel(organisation)} sets ${siteName(site.site)}, so it cannot be ${change} here.`,
    );
  }
}

/** The user's entries with `site` as it now is: a site the organisation lists gets the user's own entry. */
function replacing(user: readonly SiteEntry[], site: Site): SiteEntry[] {
  const entry = withoutAbsentAdapter({ site: site.site, adapter: site.adapter, on: site.on });
  const index = user.findIndex((candidate) => candidate.site === site.site);
  return index === -1 ? [...user, entry] : user.map((candidate, at) => (at === index ? entry : candidate));
}

/** Adds a site, on; adding one already listed switches it on. */
export function withSiteAdded(
  user: readonly SiteEntry[],
  organisation: OrganisationSites,
  pattern: string,
): SiteEntry[] {
  const listed = mergeSites(user, organisation).find((site) => site.site === pattern);
  if (listed?.locked) return [...user];
  return replacing(user, {
    site: pattern,
    on: true,
    organisation: false,
    locked: false,
    ...adapterOf(listed),
  });
}

const adapterOf = (site: Site | undefined) => (site?.adapter === undefined ? {} : { adapter: site.adapter });

/** Switches a site on or off; the organisation's locked sites are always on. */
export function withSiteSwitched(
  user: readonly SiteEntry[],
  organisation: OrganisationSites,
  pattern: string,
  on: boolean,
): SiteEntry[] {
  const site = siteIn(mergeSites(user, organisation), pattern);
  if (site.on === on) return [...user];
  refuseIfLocked(site, organisation, 'switched off');
  return replacing(user, { ...site, on });
}

/** Chooses the adapter for a site; undefined is "Automatic". */
export function withAdapterChosen(
  user: readonly SiteEntry[],
  organisation: OrganisationSites,
  pattern: string,
  adapter: string | undefined,
): SiteEntry[] {
  const site = siteIn(mergeSites(user, organisation), pattern);
  refuseIfLocked(site, organisation, 'given another adapter');
  if (adapter !== undefined && !adapterChoices(organisation.adapters).some(({ id }) => id === adapter)) {
    throw new MessageError('unknown-adapter', `There is no adapter “${adapter}”.`);
  }
  const { adapter: _previous, ...rest } = site;
  return replacing(user, adapter === undefined ? rest : { ...rest, adapter });
}

/** Removes one of the user's sites; the organisation's come back from its policy, so they cannot be removed. */
export function withSiteRemoved(
  user: readonly SiteEntry[],
  organisation: OrganisationSites,
  pattern: string,
): SiteEntry[] {
  const site = siteIn(mergeSites(user, organisation), pattern);
  refuseIfLocked(site, organisation, 'removed');
  if (site.organisation) {
    throw new MessageError(
      'site-from-organisation',
      `${organisationLabel(organisation)} lists ${siteName(site.site)}, so it cannot be removed here; switch it off instead.`,
    );
  }
  return user.filter((entry) => entry.site !== pattern);
}
