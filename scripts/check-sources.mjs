// The last step of `npm run zip`: proves the sources archive rebuilds the Firefox package. Unpacks
// the archive into a fresh folder, runs what Mozilla's reviewers run there (`npm ci && npm run
// build:firefox`), and compares every file of that build with the packaged one, byte for byte.
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const sourcesZip = join('.output', `${name}-${version}-sources.zip`);
const packageZip = join('.output', `${name}-${version}-firefox.zip`);

/** The files in a zip archive (stored or deflated entries, as WXT writes them), by path. */
function unzip(file) {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error(`${file} is not a zip archive`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map();
  for (let index = 0; index < count; index++) {
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const path = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (path.endsWith('/')) continue;
    const dataStart =
      localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) files.set(path, Buffer.from(data));
    else if (method === 8) files.set(path, inflateRawSync(data));
    else throw new Error(`${file}: ${path} uses compression method ${method}`);
  }
  return files;
}

function filesUnder(folder, prefix = '') {
  const found = new Map();
  for (const entry of readdirSync(join(folder, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const [inner, data] of filesUnder(folder, path)) found.set(inner, data);
    else found.set(path, readFileSync(join(folder, path)));
  }
  return found;
}

const workspace = mkdtempSync(join(tmpdir(), 'escalation-sources-'));
try {
  for (const [path, data] of unzip(sourcesZip)) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), data);
  }
  console.log(`Rebuilding from ${sourcesZip} in ${workspace}: npm ci && npm run build:firefox`);
  execSync('npm ci --no-audit --no-fund && npm run build:firefox', { cwd: workspace, stdio: 'inherit' });
  const packaged = unzip(packageZip);
  const rebuilt = filesUnder(join(workspace, '.output', 'firefox-mv3'));
  const differences = [
    ...[...packaged.keys()]
      .filter((path) => !rebuilt.has(path))
      .map((path) => `missing from the rebuild: ${path}`),
    ...[...rebuilt.keys()]
      .filter((path) => !packaged.has(path))
      .map((path) => `only in the rebuild: ${path}`),
    ...[...packaged]
      .filter(([path, data]) => rebuilt.has(path) && !data.equals(rebuilt.get(path)))
      .map(([path]) => `differs: ${path}`),
  ];
  if (differences.length > 0) {
    console.error(`✖ The sources archive does not rebuild ${packageZip}:\n  ${differences.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`✔ The sources archive rebuilds ${packageZip} byte for byte (${packaged.size} files).`);
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
