/**
 * Every host-page selector and built-in site adapter, in one place and free of
 * zod, so the content script can read it without growing. Adapters are data,
 * not code: their shape, which users and IT can add to, is `SiteAdapter` in
 * lib/settings/site-adapter.ts. Patterns are regular expressions written as
 * text and matched ignoring case.
 */

import type { SiteAdapter } from '@/lib/settings/site-adapter';

export type { SiteAdapter };

/** Where label text is never read: a case note that says "Person ID 123" is not the record's header. */
export const NOT_PAGE_TEXT = 'script, style, noscript, template, textarea, input, select, [contenteditable]';
/** Headings that may carry the child's name in a header band. */
export const BAND_HEADINGS = 'h1, h2, h3, [role="heading"]';

/** A record id has a digit, no spaces, and a sensible length ("P100234", "123456", "AB-12/345"). */
export const DEFAULT_ID_FORMAT = '^(?=[^\\s]*\\d)[a-z0-9][a-z0-9/_-]{1,29}$';

/** The bundled demo case-record system (test/demo-site). */
export const demoAdapter: SiteAdapter = {
  id: 'demo-case-record-system',
  system: 'Demo Case Record System',
  pages: '^https?://(localhost|127\\.0\\.0\\.1)(:\\d+)?/children/',
  recordUrl: '^https?://[^/]+/children/(?<id>[A-Z0-9]+)(?:[/?#]|$)',
  idSelectors: ['.person-header .person-id'],
  nameSelectors: ['.person-header .person-name'],
};

/**
 * Common layouts of systems we have never seen: a labelled id in a header band
 * ("Person ID", "LCS ID", "Mosaic ID"…), an id parameter in the query string, or
 * an id after a word such as "person" or "child" in the path. Labels are tried
 * before the URL because what the page shows is what the practitioner sees.
 */
export const genericAdapter: SiteAdapter = {
  id: 'generic',
  pages: '^https?://',
  idLabels: [
    'Person ID',
    'Child ID',
    'LCS ID',
    'Mosaic ID',
    'EHM ID',
    'Eclipse ID',
    'Client ID',
    'Subject ID',
    'Case ID',
    'Record ID',
    'Person reference',
    'ID',
  ],
  nameLabels: ['Name', 'Full name', "Child's name", 'Child’s name', 'Person name', 'Client name'],
  nameFromHeadingNearId: true,
  recordParams: [
    'personId',
    'person_id',
    'childId',
    'child_id',
    'clientId',
    'subjectId',
    'lcsId',
    'mosaicId',
    'id',
  ],
  recordUrl:
    '/(?:person|people|persons|child|children|client|clients|subject|subjects|case|cases|record|records|young-?people|young-?person|service-?users?)/(?<id>[^/?#]+)',
};

/** Adapters that ship with the extension, most specific first; the generic one is always last. */
export const builtInAdapters: readonly SiteAdapter[] = [demoAdapter, genericAdapter];
