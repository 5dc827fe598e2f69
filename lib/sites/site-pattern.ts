/**
 * A "site" is one host name over http or https, as a match pattern
 * ("https://records.example.gov.uk/*"): the unit the user enables, the browser
 * grants and the overlay runs on. Match patterns cover every port of the host.
 */

export function sitePatternFor(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol, hostname } = new URL(url);
    if ((protocol !== 'http:' && protocol !== 'https:') || !hostname) return undefined;
    return `${protocol}//${hostname}/*`;
  } catch {
    return undefined;
  }
}

/** The host name a practitioner recognises: "records.example.gov.uk". */
export function siteName(pattern: string): string {
  return pattern.replace(/^\w+:\/\//, '').replace(/\/\*$/, '');
}

/**
 * The site of an address the user typed: a whole address, or a host name
 * alone ("records.example.gov.uk"), which is taken as https.
 */
export function siteFromAddress(typed: string): string | undefined {
  const address = typed.trim();
  if (!address || /\s/.test(address)) return undefined;
  return sitePatternFor(/^[a-z][a-z\d+.-]*:/i.test(address) ? address : `https://${address}`);
}
