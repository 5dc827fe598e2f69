import { globSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import wxtConfig from '../../wxt.config';
import {
  importGraph,
  isTestFile,
  libFolderCycles,
  reachableFrom,
  readSource,
  root,
  sourceFiles,
} from './source-graph';

/**
 * The house rules, held by tests (in the spirit of refined-github's
 * build/features.test.ts): a rule a reviewer would otherwise have to remember.
 */

const files = sourceFiles();
const graph = importGraph(files);
const production = files.filter((file) => !isTestFile(file));

/** The text without comments, so a rule about code is not tripped by prose. */
const codeOf = (file: string) =>
  readSource(file)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

describe('layers', () => {
  test('no import loop between lib/ folders', () => {
    expect(libFolderCycles(graph)).toEqual([]);
  });

  test('lib/ imports neither components/ nor entrypoints/; components/ does not import entrypoints/', () => {
    const wrong = production.flatMap((file) =>
      (graph.get(file) ?? [])
        .filter(
          (target) =>
            (file.startsWith('lib/') && /^(components|entrypoints)\//.test(target)) ||
            (file.startsWith('components/') && target.startsWith('entrypoints/')),
        )
        .map((target) => `${file} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  const browserFree = [
    'lib/policy/',
    'lib/calendar/',
    'lib/escalation/',
    'lib/record/',
    'lib/settings/',
    'lib/messaging/',
    'lib/clock/',
    'components/',
  ];
  test.each(browserFree)('nothing under %s touches the browser’s extension APIs', (folder) => {
    const touching = files
      .filter((file) => file.startsWith(folder))
      .filter((file) => {
        const code = codeOf(file);
        return (
          /from\s+['"](wxt\/browser|webextension-polyfill|@wxt-dev\/browser)['"]/.test(code) ||
          /(?<![.\w$'"`-])(browser|chrome)\.[a-z]/.test(code)
        );
      });
    expect(touching).toEqual([]);
  });
});

describe('the sources archive for Mozilla’s reviewers', () => {
  const zip = wxtConfig.zip ?? {};
  // WXT leaves these out whatever the configuration says (wxt/dist/core/resolve-config.mjs).
  const alwaysLeftOut = ['**/node_modules', '**/*.{test,spec}.?(c|m)[jt]s?(x)', '**/.output', '**/.wxt'];
  const archived = globSync(zip.includeSources ?? [], {
    cwd: root,
    exclude: [...alwaysLeftOut, ...(zip.excludeSources ?? [])],
  })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => /\.[a-z]+$/.test(file));

  test('holds no test, test helper, fixture or golden file', () => {
    const testOnly = archived.filter((file) =>
      /(\.(test|spec|bench)\.|(^|\/)testing\.tsx?$|__golden__|__fixtures__|(^|\/)test\/)/.test(file),
    );
    expect(testOnly).toEqual([]);
  });

  test('holds only source the build reads: every TypeScript file in it is imported from an entrypoint', () => {
    const entrypoints = production.filter((file) => file.startsWith('entrypoints/'));
    const built = reachableFrom(
      [...entrypoints, ...(importGraph(['wxt.config.ts']).get('wxt.config.ts') ?? [])],
      graph,
    );
    const unread = archived.filter(
      (file) => /\.tsx?$/.test(file) && file !== 'wxt.config.ts' && !built.has(file),
    );
    expect(unread).toEqual([]);
  });
});
