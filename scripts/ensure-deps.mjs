// Installs npm dependencies when they are absent or older than the lock file, so
// `npm start` and `npm test` work on a fresh clone with nothing run before them.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function ensureDependencies(root = process.cwd()) {
  const lock = join(root, 'package-lock.json');
  const stamp = join(root, 'node_modules', '.installed-lock-hash');
  const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  console.log('Installing npm dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, hash);
}
