import { existsSync, globSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The project's own source files and what each imports, read from the text
 * (static imports, re-exports and dynamic imports), for the convention tests.
 * Paths are relative to the project root, with forward slashes.
 */

export const root = resolve(import.meta.dirname, '../..');

const sourceGlobs = ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'];

export const isTestFile = (file: string) => /\.(test|spec|bench)\.tsx?$/.test(file);

/** Every TypeScript file under entrypoints/, components/ and lib/, tests included. */
export function sourceFiles(): string[] {
  return globSync(sourceGlobs, { cwd: root })
    .map((file) => file.split('\\').join('/'))
    .sort();
}

export const readSource = (file: string) => readFileSync(join(root, file), 'utf8');

const specifierPattern =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** The module specifiers a file names, type-only imports included (a type cycle is still a cycle). */
export function specifiersOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(specifierPattern)) {
    const specifier = match[1] ?? match[2];
    if (specifier) found.push(specifier);
  }
  return found;
}

const candidates = (base: string) => [
  base,
  `${base}.ts`,
  `${base}.tsx`,
  join(base, 'index.ts'),
  join(base, 'index.tsx'),
];

/** The project file a specifier names, or undefined for a package, an asset or a virtual module. */
export function resolveSpecifier(from: string, specifier: string): string | undefined {
  const bare = specifier.split('?')[0] ?? specifier;
  let base: string;
  if (bare.startsWith('@/') || bare.startsWith('~/')) base = join(root, bare.slice(2));
  else if (bare.startsWith('.')) base = resolve(root, dirname(from), bare);
  else return undefined;
  const file = candidates(base).find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  return file ? relative(root, file).split('\\').join('/') : undefined;
}

/** Each source file and the project files it imports. */
export function importGraph(files = sourceFiles()): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = specifiersOf(readSource(file))
      .map((specifier) => resolveSpecifier(file, specifier))
      .filter((target): target is string => target !== undefined && /\.tsx?$/.test(target));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** `lib/<folder>` of a file under lib/, else undefined. */
export const libFolderOf = (file: string) => /^lib\/([^/]+)\//.exec(file)?.[1];

/**
 * Cycles between lib/ folders: the folder graph's strongly connected groups of
 * more than one folder, each with one import that closes it, so a failure says
 * where to cut.
 */
export function libFolderCycles(graph: Map<string, string[]>): string[][] {
  const edges = new Map<string, Map<string, string>>();
  for (const [file, targets] of graph) {
    const from = libFolderOf(file);
    if (!from || isTestFile(file)) continue;
    for (const target of targets) {
      const to = libFolderOf(target);
      if (!to || to === from) continue;
      const out = edges.get(from) ?? new Map<string, string>();
      if (!out.has(to)) out.set(to, `${file} → ${target}`);
      edges.set(from, out);
    }
  }
  const cycles: string[][] = [];
  const reaches = (start: string, goal: string, seen = new Set<string>()): string[] | undefined => {
    for (const [next, via] of edges.get(start) ?? []) {
      if (next === goal) return [via];
      if (seen.has(next)) continue;
      seen.add(next);
      const rest = reaches(next, goal, seen);
      if (rest) return [via, ...rest];
    }
    return undefined;
  };
  const reported = new Set<string>();
  for (const folder of [...edges.keys()].sort()) {
    if (reported.has(folder)) continue;
    const path = reaches(folder, folder);
    if (!path) continue;
    for (const step of path) reported.add(libFolderOf(step.split(' → ')[0] ?? '') ?? '');
    cycles.push(path);
  }
  return cycles;
}

/** Everything reachable by imports from the given files. */
export function reachableFrom(starts: string[], graph: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const queue = [...starts];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...(graph.get(file) ?? []));
  }
  return seen;
}

/** Groups of files that import each other, directly or round a loop (Tarjan's strongly connected groups). */
export function fileCycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (file: string) => {
    index.set(file, next);
    low.set(file, next);
    next++;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file) ?? 0, index.get(target) ?? 0));
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      group.push(member);
      if (member === file) break;
    }
    if (group.length > 1) groups.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return groups;
}
