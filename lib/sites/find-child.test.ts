// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adaptersToTry } from './adapters';
import { findChild } from './find-child';
import { demoAdapter, genericAdapter, type SiteAdapter } from './selectors';

/** A saved, anonymised page from test/fixtures/sites as a document. */
function fixture(name: string): Document {
  const html = readFileSync(resolve('test/fixtures/sites', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

const builtIn = adaptersToTry();

describe('the demo site adapter', () => {
  it('reads the record id and name from the person header', () => {
    const page = fixture('demo-record.html');
    expect(findChild(page, 'http://127.0.0.1:8765/children/P100234/notes', [demoAdapter])).toEqual({
      adapterId: 'demo-case-record-system',
      system: 'Demo Case Record System',
      recordId: 'P100234',
      displayName: 'Amelia Hartwell',
      recordUrl: 'http://127.0.0.1:8765/children/P100234/notes',
    });
  });

  it('falls back to the id in the address when the header has not been drawn yet', () => {
    const page = fixture('nothing.html');
    expect(findChild(page, 'http://localhost:8765/children/P101552', [demoAdapter])).toMatchObject({
      recordId: 'P101552',
    });
    expect(
      findChild(page, 'http://localhost:8765/children/P101552', [demoAdapter])?.displayName,
    ).toBeUndefined();
  });

  it('finds no child on the list of children', () => {
    expect(
      findChild(fixture('demo-children-list.html'), 'http://127.0.0.1:8765/children', builtIn),
    ).toBeUndefined();
  });

  it('reads only pages of the demo site', () => {
    const page = fixture('demo-record.html');
    expect(findChild(page, 'https://records.example/children/P100234', [demoAdapter])).toBeUndefined();
  });
});

describe('the generic adapter', () => {
  it('reads a labelled id beside a definition, and the name from the band’s heading', () => {
    const page = fixture('demo-record.html');
    expect(findChild(page, 'https://unknown.example/people/view', [genericAdapter])).toEqual({
      adapterId: 'generic',
      system: 'unknown.example',
      recordId: 'P100234',
      displayName: 'Amelia Hartwell',
      recordUrl: 'https://unknown.example/people/view',
    });
  });

  it('reads an LCS-like banner ("LCS ID:" beside its value) and never a case note', () => {
    const page = fixture('lcs-like-record.html');
    expect(findChild(page, 'https://lcs.council.example/web/portal', builtIn)).toMatchObject({
      adapterId: 'generic',
      recordId: '2468013',
      displayName: 'Ellis MORGAN-TATE',
    });
  });

  it('reads a Mosaic-like header table ("Mosaic ID" heading a cell)', () => {
    const page = fixture('mosaic-like-record.html');
    expect(findChild(page, 'https://mosaic.council.example/mosaic/person', builtIn)).toMatchObject({
      recordId: '918273',
      displayName: 'Priya SHAH-DENNISON',
    });
  });

  it('takes the id from the query string when the page shows none, with no name', () => {
    const page = fixture('query-only.html');
    const found = findChild(page, 'https://records.example/chronology?view=full&PersonID=778899', builtIn);
    expect(found).toEqual({
      adapterId: 'generic',
      system: 'records.example',
      recordId: '778899',
      recordUrl: 'https://records.example/chronology?view=full&PersonID=778899',
    });
  });

  it('takes the id after a word such as "child" in the path', () => {
    const page = fixture('query-only.html');
    expect(findChild(page, 'https://records.example/child/44-1023/chronology', builtIn)).toMatchObject({
      recordId: '44-1023',
    });
  });

  it('does not guess: no id-like value, no child', () => {
    const page = fixture('nothing.html');
    expect(findChild(page, 'https://records.example/caseload', builtIn)).toBeUndefined();
    expect(findChild(page, 'https://records.example/cases/open', builtIn)).toBeUndefined();
  });
});

describe('adapters from storage or IT', () => {
  const mosaic: SiteAdapter = {
    id: 'council-mosaic',
    system: 'Mosaic',
    pages: '^https://mosaic\\.council\\.example/',
    idSelectors: ['table.person-header th + td'],
    nameSelectors: ['table.person-header .heading'],
  };

  it('is tried before the built-in ones and names its system', () => {
    const page = fixture('mosaic-like-record.html');
    expect(findChild(page, 'https://mosaic.council.example/p', adaptersToTry([mosaic]))).toMatchObject({
      adapterId: 'council-mosaic',
      system: 'Mosaic',
      recordId: '918273',
      displayName: 'Priya SHAH-DENNISON',
    });
  });

  it('cannot break the page with a bad selector or pattern: it finds nothing and the next adapter goes on', () => {
    const broken: SiteAdapter = {
      id: 'broken',
      pages: '^https://',
      idSelectors: ['td[[['],
      recordUrl: '(?<id>',
    };
    const page = fixture('mosaic-like-record.html');
    expect(findChild(page, 'https://mosaic.council.example/p', [broken, genericAdapter])).toMatchObject({
      adapterId: 'generic',
    });
  });
});
