import { describe, expect, it } from 'vitest';
import { siteFromAddress, siteName, sitePatternFor } from './site-pattern';

describe('sitePatternFor', () => {
  it('is one host over its own scheme, every port and path', () => {
    expect(sitePatternFor('https://lcs.council.example:8443/web/person?id=1')).toBe(
      'https://lcs.council.example/*',
    );
    expect(sitePatternFor('http://127.0.0.1:8765/children')).toBe('http://127.0.0.1/*');
  });

  it('has no site for pages the overlay cannot run on', () => {
    for (const url of ['chrome://extensions', 'file:///tmp/a.html', 'about:blank', 'not a url', undefined]) {
      expect(sitePatternFor(url)).toBeUndefined();
    }
  });

  it('names the site by its host', () => {
    expect(siteName('https://lcs.council.example/*')).toBe('lcs.council.example');
  });
});

describe('siteFromAddress', () => {
  it('takes the site of a whole address, or of a host name typed alone as https', () => {
    expect(siteFromAddress('  http://127.0.0.1:8816/children/P100234 ')).toBe('http://127.0.0.1/*');
    expect(siteFromAddress('records.example.gov.uk')).toBe('https://records.example.gov.uk/*');
    expect(siteFromAddress('records.example.gov.uk/children?id=1')).toBe('https://records.example.gov.uk/*');
  });

  it('has no site for what is not a web address', () => {
    for (const typed of ['', 'two words', 'file:///tmp/a.html', 'chrome://extensions', 'https://']) {
      expect(siteFromAddress(typed)).toBeUndefined();
    }
  });
});
