// Bundles the demo's editors page (main.tsx, and draft.tsx with React 18) into .tmp/demo-editors,
// once, on the first request for it: `npm start` and the other e2e tests never need it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const editorsOut = resolve(here, '../../../.tmp/demo-editors');

const newestSource = () => Math.max(...readdirSync(here).map((name) => statSync(join(here, name)).mtimeMs));

async function bundle(entry, name, alias = []) {
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: here,
    resolve: { alias },
    // Production JSX whatever NODE_ENV the process calling this runs with (vitest's is "test").
    oxc: { jsx: { runtime: 'automatic', development: false } },
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    build: {
      outDir: editorsOut,
      emptyOutDir: false,
      minify: false,
      cssCodeSplit: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 100_000,
      rollupOptions: {
        input: join(here, entry),
        output: {
          format: 'es',
          entryFileNames: `${name}.js`,
          assetFileNames: `${name}[extname]`,
          codeSplitting: false,
        },
      },
    },
  });
}

let building;
/** Builds the editors page when its sources are newer than the last build. */
export function buildEditors() {
  const stamp = join(editorsOut, 'main.js');
  if (existsSync(stamp) && statSync(stamp).mtimeMs > newestSource()) return Promise.resolve();
  building ??= (async () => {
    await bundle('main.tsx', 'main');
    // Draft.js calls ReactDOM.findDOMNode, which React 19 removed: it gets React 18 under its own name.
    await bundle('draft.tsx', 'draft', [{ find: /^react(-dom)?(\/.*)?$/, replacement: 'react$1-18$2' }]);
  })().finally(() => {
    building = undefined;
  });
  return building;
}
