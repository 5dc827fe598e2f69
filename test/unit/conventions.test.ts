import { globSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { storedKeyRegistry } from '../../lib/storage/keys';
import wxtConfig from '../../wxt.config';
import {
  fileCycles,
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

  test('no two files import each other, directly or round a loop (type imports included)', () => {
    expect(fileCycles(importGraph(production))).toEqual([]);
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
    'lib/schema/',
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

describe('schemas', () => {
  // zod/mini keeps each bundle to the checks it uses, and has no messages of its own: the full API
  // would bring its 90 KB back into every bundle, and a schema built without lib/schema/zod.ts could
  // be parsed before the English messages are set.
  test('every schema is built with lib/schema/zod.ts; nothing else imports zod at run time', () => {
    const wrong = files
      .filter((file) => file !== 'lib/schema/zod.ts')
      .filter((file) => /^\s*import\s+(?!type\b)[^;]*from\s+['"]zod(\/[\w/]+)?['"]/m.test(codeOf(file)));
    expect(wrong).toEqual([]);
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

describe('stored keys', () => {
  const registryFile = 'lib/storage/keys.ts';
  const quoted = (text: string) =>
    [...text.matchAll(/(['"`])((?:(?!\1)[^\\\n]|\\.)*)\1/g)].map((match) => match[2] ?? '');

  test('every key the registry names is a constant in it, and every constant is in the registry', async () => {
    const keys = await import('../../lib/storage/keys');
    const constants = Object.entries(keys)
      .filter(([name, value]) => /^[A-Z][A-Z_]*(_KEY|_PREFIX)$/.test(name) && typeof value === 'string')
      .map(([, value]) => value as string)
      .sort();
    expect(keys.storedKeyRegistry.map((entry) => entry.key).sort()).toEqual(constants);
  });

  test.each(storedKeyRegistry.filter((entry) => entry.schema.includes('#')))(
    '$area $key is read with the zod schema it names ($schema)',
    async ({ schema }) => {
      const [module, name] = schema.split('#') as [string, string];
      const exported = (await import(/* @vite-ignore */ `../../${module}`))[name];
      expect(exported?._zod, `${schema} is not an exported zod schema`).toBeDefined();
    },
  );

  // A key that is one plain word ('settings', 'sites') is also an ordinary word in code and copy, so
  // only the others are looked for by spelling; the next test catches any key written in place.
  test('no code outside the registry spells a stored key, so every read and write goes through it', () => {
    const names = storedKeyRegistry.map((entry) => entry.key).filter((key) => !/^[a-z]+$/.test(key));
    const spelling = production
      .filter((file) => file !== registryFile)
      .flatMap((file) =>
        quoted(codeOf(file))
          .filter((text) => names.some((key) => text === key || (key.endsWith(':') && text.startsWith(key))))
          .map((text) => `${file}: '${text}'`),
      );
    expect(spelling).toEqual([]);
  });

  test('nothing reads or writes storage with a key written out in place', () => {
    const inPlace = production.filter((file) =>
      /\.(get|set|remove)\(\s*(\{\s*)?\[?\s*['"`]/.test(
        codeOf(file).replace(
          /\.searchParams\.get\(|headers\.get\(|new Map|\.get\(\s*['"`][a-z-]+['"`]\s*\)\s*\?\?/g,
          '',
        ),
      ),
    );
    expect(inPlace.filter((file) => /storage|area|session/.test(readSource(file)))).toEqual([]);
  });
});

describe('messages', () => {
  interface Definition {
    type: string;
    request: unknown;
    reply: unknown;
    from: readonly string[];
  }
  const isDefinition = (value: unknown): value is Definition =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Definition).type === 'string' &&
    'request' in value &&
    'reply' in value &&
    Array.isArray((value as Definition).from);
  const modules = import.meta.glob<Record<string, unknown>>('../../lib/**/*messages.ts', { eager: true });
  const definitions = new Map<string, string>();
  for (const exports of Object.values(modules)) {
    for (const [name, value] of Object.entries(exports))
      if (isDefinition(value)) definitions.set(name, value.type);
  }

  /**
   * Where each message is answered: a `route(definition, …)` for the routers
   * (background, panel), and `[types.<name>]: …` in the handlers the overlay
   * script gives `answerExtension` (it stays free of zod, so it has no routes).
   */
  function answered(): string[] {
    const types: string[] = [];
    for (const file of production) {
      const code = codeOf(file);
      for (const match of code.matchAll(/\broute\(\s*(\w+)\s*,/g)) {
        const type = definitions.get(match[1] ?? '');
        types.push(type ?? `unknown definition ${match[1]} in ${file}`);
      }
      if (!code.includes('answerExtension(')) continue;
      for (const match of code.matchAll(/\[types\.(\w+)\]\s*:/g)) {
        const definition = [...definitions].find(([, type]) => type.endsWith(`/${match[1]}`));
        types.push(definition?.[1] ?? `unknown handler types.${match[1]} in ${file}`);
      }
    }
    return types;
  }

  test('the message modules define some messages, each type once', () => {
    const types = [...definitions.values()];
    expect(types.length).toBeGreaterThan(10);
    expect(new Set(types).size).toBe(types.length);
  });

  test('every message type has exactly one route, and every route answers a defined message', () => {
    const counts = new Map<string, number>();
    for (const type of answered()) counts.set(type, (counts.get(type) ?? 0) + 1);
    const wrong = [
      ...[...definitions.values()]
        .filter((type) => counts.get(type) !== 1)
        .map((type) => `${type}: ${counts.get(type) ?? 0} routes`),
      ...[...counts.keys()].filter((type) => ![...definitions.values()].includes(type)),
    ];
    expect(wrong).toEqual([]);
  });
});
