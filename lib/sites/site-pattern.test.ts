import { describe, expect, it } from 'vitest';
import { siteName, sitePatternFor } from './site-pattern';

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
