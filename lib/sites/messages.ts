import { defineMessage } from '@/lib/messaging';
import * as z from '../schema/zod';
import { siteListingSchema, sitePatternSchema } from './site-list';

/** The toolbar popup's messages to the background, each about one tab (the active one). */

const aTab = z.object({ tabId: z.number().check(z.int()) });

/** The popup's view of the active tab's site. */
export const siteStatusSchema = z.object({
  /** The site's match pattern, or null when the page is not a web page the overlay can run on. */
  site: z.nullable(z.string()),
  /** On and allowed by the browser: the launcher shows on the site's pages. */
  enabled: z.boolean(),
  /** The organisation that lists the site, when it does. */
  setBy: z.optional(z.string()),
  /** Set by the organisation and always on. */
  locked: z.boolean(),
});
export type SiteStatus = z.infer<typeof siteStatusSchema>;

export const siteStatusMessage = defineMessage('sites/status', {
  request: aTab,
  reply: siteStatusSchema,
  from: ['extension-page'],
});

export const enableSiteMessage = defineMessage('sites/enable', {
  request: aTab,
  reply: z.object({}),
  from: ['extension-page'],
});

export const disableSiteMessage = defineMessage('sites/disable', {
  request: aTab,
  reply: z.object({}),
  from: ['extension-page'],
});

export const openPanelHereMessage = defineMessage('sites/open-panel-here', {
  request: aTab,
  reply: z.object({}),
  from: ['extension-page'],
});

/** The options page's Sites section: each answers with the whole list as it now is. */

const aSite = z.object({ site: sitePatternSchema });

export const listSitesMessage = defineMessage('sites/list', {
  request: z.object({}),
  reply: siteListingSchema,
  from: ['extension-page'],
});

/** Adds a site the browser has just allowed (the page asked, from the user's click). */
export const addSiteMessage = defineMessage('sites/add', {
  request: aSite,
  reply: siteListingSchema,
  from: ['extension-page'],
});

export const switchSiteMessage = defineMessage('sites/switch', {
  request: z.object({ site: sitePatternSchema, on: z.boolean() }),
  reply: siteListingSchema,
  from: ['extension-page'],
});

export const chooseAdapterMessage = defineMessage('sites/choose-adapter', {
  /** null: "Automatic", every adapter is tried. */
  request: z.object({
    site: sitePatternSchema,
    adapter: z.nullable(z.string().check(z.minLength(1), z.maxLength(100))),
  }),
  reply: siteListingSchema,
  from: ['extension-page'],
});

export const removeSiteMessage = defineMessage('sites/remove', {
  request: aSite,
  reply: siteListingSchema,
  from: ['extension-page'],
});

/** What testing a site found in an open tab; the child's name only when the settings show names. */
export const siteTestResultSchema = z.discriminatedUnion('found', [
  z.object({
    found: z.literal(true),
    system: z.string(),
    recordId: z.string(),
    displayName: z.optional(z.string()),
  }),
  z.object({
    found: z.literal(false),
    reason: z.enum(['no-permission', 'no-tab', 'no-child']),
    /** How many open tabs of the site were looked at. */
    tabs: z.number().check(z.int()),
  }),
]);
export type SiteTestResult = z.infer<typeof siteTestResultSchema>;

export const testSiteMessage = defineMessage('sites/test', {
  request: aSite,
  reply: siteTestResultSchema,
  from: ['extension-page'],
});
