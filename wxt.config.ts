import type { AliasOptions } from 'vite';
import { defineConfig } from 'wxt';

type AliasList = Extract<AliasOptions, readonly unknown[]>;
const toAliasArray = (alias: AliasOptions | undefined): AliasList =>
  Array.isArray(alias)
    ? alias
    : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }));

// Firefox also gets Manifest V3: one permission model (optional host permissions,
// `action`, `scripting.registerContentScripts`) for every browser we support.
export default defineConfig({
  // Explicit imports everywhere: a reader sees where `browser` and `define*` come from.
  imports: false,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  hooks: {
    // The content script runs in every case-record page and must stay under 10 KB.
    // It makes only calls that return promises natively in every MV3 browser, so
    // its build gets the native `browser` instead of the 10 KB polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      config.resolve ??= {};
      config.resolve.alias = [
        { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' },
        ...toAliasArray(config.resolve.alias),
      ];
    },
  },
  manifest: ({ browser }) => ({
    name: 'Escalation overlay',
    description:
      'Follow your safeguarding partnership’s professional-disagreement escalation policy on the case-record system you already use.',
    permissions: ['storage'],
    // The panel is framed into case-record pages by the content script.
    web_accessible_resources: [
      { resources: ['panel.html'], matches: ['http://localhost/*', 'http://127.0.0.1/*'] },
    ],
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
