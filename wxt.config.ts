import type { AliasOptions } from 'vite';
import { defineConfig } from 'wxt';
import { TOGGLE_PANEL_COMMAND } from './lib/overlay/page-protocol';

type AliasList = Extract<AliasOptions, readonly unknown[]>;
const toAliasArray = (alias: AliasOptions | undefined): AliasList =>
  Array.isArray(alias)
    ? alias
    : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }));

// Firefox also gets Manifest V3: one permission model (optional host permissions,
// `action`, `scripting`) for every browser we support.
export default defineConfig({
  // Explicit imports everywhere: a reader sees where `browser` and `define*` come from.
  imports: false,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  // `npm run zip`: the store packages, named from package.json's version, and for Firefox the sources
  // archive reviewers rebuild from. Sources are an allowlist: what `npm ci && npm run build:firefox`
  // needs, and nothing else (no tests, test data, scripts, CI or editor files).
  zip: {
    artifactTemplate: '{{name}}-{{packageVersion}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{packageVersion}}-sources.zip',
    includeSources: [
      'entrypoints/**',
      'components/**',
      'lib/**',
      'public/**',
      'wxt.config.ts',
      'tsconfig.json',
      'package.json',
      'package-lock.json',
      'README.md',
    ],
    // WXT already leaves out node_modules, the output folder and *.test.* / *.spec.* files; these
    // patterns leave out every other test-only file wherever it is added (test/unit/conventions.test.ts
    // holds the archive to "only what the build reads").
    excludeSources: [
      '**/testing.ts',
      '**/testing.tsx',
      '**/__golden__/**',
      '**/__fixtures__/**',
      'lib/record/examples.ts',
    ],
  },
  vite: ({ mode }) => {
    // The test build is the production build plus a pre-granted localhost, React's production
    // build included, so end-to-end tests and the bench run what users get. WXT sets NODE_ENV to
    // the mode before reading this file, and Vite and the React plugin decide from NODE_ENV.
    if (mode === 'test') process.env.NODE_ENV = 'production';
    return {};
  },
  hooks: {
    // The overlay script (entrypoints/overlay.ts) runs in every case-record page and must stay
    // under 10 KB. It makes only calls that return promises natively in every MV3 browser, so
    // its build gets the native `browser` instead of the 10 KB polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.name === 'overlay')) return;
      config.resolve ??= {};
      config.resolve.alias = [
        { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' },
        ...toAliasArray(config.resolve.alias),
      ];
    },
  },
  manifest: ({ browser, mode }) => ({
    name: 'Escalation overlay',
    description:
      'Follow your safeguarding partnership’s professional-disagreement escalation policy on the case-record system you already use.',
    // activeTab: "Open panel here once" and the keyboard shortcut work on any page without a lasting grant.
    // scripting: the background runs the overlay in each page of an opt-in site once it has loaded.
    // alarms and notifications: deadline alerts, and deleting ended escalations after the retention period.
    permissions: ['storage', 'alarms', 'notifications', 'activeTab', 'scripting'],
    // Sites are opt-in: each is asked for at run time, one site at a time.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // Development and test builds pre-grant the demo site's hosts so end-to-end tests can enable it
    // without the browser's permission prompt; the production build asks like any other site.
    ...(mode === 'production' ? {} : { host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'] }),
    action: { default_title: 'Escalation overlay', default_popup: 'popup.html' },
    commands: {
      [TOGGLE_PANEL_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+E' },
        description: 'Open or close the escalation panel on this page',
      },
    },
    // The panel is framed by the content script into whichever sites the user enables, so it must be
    // loadable from any web page; everything it shows comes from the background, never from the page.
    web_accessible_resources: [{ resources: ['panel.html'], matches: ['http://*/*', 'https://*/*'] }],
    // Chrome and Edge check IT's managed settings against this schema; Firefox takes them from
    // policies.json unchecked, so lib/settings checks every value whatever the browser.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'escalation-overlay@safeguarding.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // data_collection_permissions arrived in Firefox for Android 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
