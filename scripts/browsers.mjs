// Finds the real browsers the project runs in. Never downloads one: on Debian or
// Ubuntu as root it installs the distribution's package, otherwise it says what
// to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const browsers = {
  chromium: {
    env: 'CHROME_PATH',
    candidates: [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ],
    debianPackage: 'chromium',
    advice: 'Install Chromium or Google Chrome, or set CHROME_PATH to its executable.',
  },
  firefox: {
    env: 'FIREFOX_PATH',
    candidates: [
      '/usr/bin/firefox-esr',
      '/usr/bin/firefox',
      '/Applications/Firefox.app/Contents/MacOS/firefox',
    ],
    debianPackage: 'firefox-esr',
    advice: 'Install Firefox or Firefox ESR, or set FIREFOX_PATH to its executable.',
  },
};

/** The executable for `name` ('chromium' | 'firefox'), or undefined. */
export function findBrowser(name) {
  const browser = browsers[name];
  const fromEnv = process.env[browser.env];
  if (fromEnv) return fromEnv;
  return browser.candidates.find((path) => existsSync(path));
}

const canApt = () =>
  process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');

/** Makes sure each named browser is present, installing Debian packages when we can. */
export function ensureBrowsers(names) {
  const missing = names.filter((name) => !findBrowser(name));
  if (missing.length === 0) return;
  if (!canApt()) {
    throw new Error(missing.map((name) => browsers[name].advice).join(' '));
  }
  const packages = missing.map((name) => browsers[name].debianPackage);
  console.log(`Installing ${packages.join(' and ')} from Debian's packages…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env,
  });
  const still = names.filter((name) => !findBrowser(name));
  if (still.length > 0) throw new Error(still.map((name) => browsers[name].advice).join(' '));
}

/** Flags that keep Chromium quiet on a machine with no network and no GPU. */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
];

export function chromiumExtensionFlags(extensionPath) {
  return [
    ...chromiumFlags,
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
  ];
}
