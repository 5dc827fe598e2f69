// The manifest permission gate, run by `npm test` after the builds. It reads the manifests the builds
// actually wrote (so a permission WXT or a module adds is caught as well as one added in
// wxt.config.ts) and compares everything that grants access with the committed snapshot
// test/manifest-permissions.json. Adding a permission, a host, a web-accessible resource, a static
// content script or a data-collection permission fails until the snapshot is updated on purpose:
//
//   node scripts/check-manifests.mjs --update chrome-mv3 firefox-mv3 chrome-mv3-test firefox-mv3-test
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const snapshotFile = 'test/manifest-permissions.json';
const args = process.argv.slice(2);
const update = args.includes('--update');
const builds = args.filter((arg) => !arg.startsWith('--'));
if (builds.length === 0) builds.push('chrome-mv3', 'firefox-mv3');

const sorted = (list) => (Array.isArray(list) ? [...list].map(String).sort() : []);

/** Everything in a manifest that grants the extension access to something, in a stable order. */
export function accessSurface(manifest) {
  const gecko = manifest.browser_specific_settings?.gecko ?? {};
  return {
    permissions: sorted(manifest.permissions),
    optional_permissions: sorted(manifest.optional_permissions),
    host_permissions: sorted(manifest.host_permissions),
    optional_host_permissions: sorted(manifest.optional_host_permissions),
    content_scripts: (manifest.content_scripts ?? []).map((script) => ({
      matches: sorted(script.matches),
      js: sorted(script.js),
      all_frames: Boolean(script.all_frames),
    })),
    web_accessible_resources: (manifest.web_accessible_resources ?? []).map((entry) => ({
      resources: sorted(entry.resources),
      matches: sorted(entry.matches),
      extension_ids: sorted(entry.extension_ids),
    })),
    externally_connectable: manifest.externally_connectable ?? null,
    content_security_policy: manifest.content_security_policy ?? null,
    data_collection_permissions: gecko.data_collection_permissions ?? null,
  };
}

const snapshot = existsSync(snapshotFile) ? JSON.parse(readFileSync(snapshotFile, 'utf8')) : {};
const actual = {};
for (const build of builds) {
  const file = join('.output', build, 'manifest.json');
  if (!existsSync(file)) {
    console.error(`✖ ${file} is missing: build ${build} first.`);
    process.exit(1);
  }
  actual[build] = accessSurface(JSON.parse(readFileSync(file, 'utf8')));
}

if (update) {
  writeFileSync(snapshotFile, `${JSON.stringify({ ...snapshot, ...actual }, null, 2)}\n`);
  console.log(`Updated ${snapshotFile} for ${builds.join(', ')}.`);
  process.exit(0);
}

/** Lines naming each difference, as `path: snapshot → built`. */
function differences(expected, found, path = '') {
  if (JSON.stringify(expected) === JSON.stringify(found)) return [];
  const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
  if (isObject(expected) && isObject(found)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(found)])];
    return keys.flatMap((key) => differences(expected[key], found[key], path ? `${path}.${key}` : key));
  }
  if (Array.isArray(expected) && Array.isArray(found) && expected.every((item) => typeof item === 'string')) {
    const added = found.filter((item) => !expected.includes(item)).map((item) => `${path}: added ${item}`);
    const removed = expected
      .filter((item) => !found.includes(item))
      .map((item) => `${path}: removed ${item}`);
    if (added.length + removed.length > 0) return [...added, ...removed];
  }
  return [`${path}: ${JSON.stringify(expected)} → ${JSON.stringify(found)}`];
}

let failed = false;
for (const build of builds) {
  const expected = snapshot[build];
  const found = actual[build];
  const lines = expected ? differences(expected, found) : ['no snapshot for this build'];
  if (lines.length === 0) {
    console.log(`✔ ${build} manifest: permissions and access match ${snapshotFile}`);
    continue;
  }
  failed = true;
  console.error(`✖ ${build} manifest differs from ${snapshotFile}:`);
  for (const line of lines) console.error(`    ${line}`);
}
if (failed) {
  console.error(
    '\nIf the change is intended, justify it in wxt.config.ts and the README, then run\n' +
      `  node scripts/check-manifests.mjs --update ${builds.join(' ')}`,
  );
  process.exit(1);
}
