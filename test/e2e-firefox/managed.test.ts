import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ExtensionGlobal, type FirefoxSession, openExtensionPage, startFirefox } from './firefox';

// What IT would put under the extension in policies.json's `3rdparty` section: `region` names no region
// this extension knows, and Firefox passes it on unchecked.
const managedSettings = { organisationName: 'Example Borough Council', retentionDays: 45, region: 'wales' };

let firefox: FirefoxSession;

beforeAll(async () => {
  firefox = await startFirefox({ managedSettings });
});

afterAll(async () => {
  await firefox?.close();
});

/** The retention field as the user meets it: value, whether editable, its description, its form's buttons. */
const retentionField = (options: Page) =>
  options.evaluate(() => {
    const label = Array.from(document.querySelectorAll('label')).find(
      (candidate) => candidate.textContent === 'Days to keep a resolved or withdrawn escalation',
    );
    const input = label?.control;
    if (!(input instanceof HTMLInputElement)) return undefined;
    return {
      value: input.value,
      readOnly: input.readOnly,
      description: document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent,
      buttons: Array.from(input.form?.querySelectorAll('button') ?? [], (button) => button.textContent),
    };
  });

test('IT’s settings from Firefox’s enterprise policies reach the options page, a bad one is ignored with a warning, and a locked one stays locked', async () => {
  const options = await openExtensionPage(firefox, 'options.html');
  expect(
    await options.evaluate(() => (globalThis as unknown as ExtensionGlobal).browser.storage.managed.get()),
  ).toEqual(managedSettings);

  const notice = await options.waitForSelector('section[aria-label="Your organisation’s settings"]');
  expect(await notice?.evaluate((section) => section.querySelector('p')?.textContent)).toMatch(
    /^Example Borough Council manages some of these settings/,
  );
  const warnings = await notice?.$$eval('[role="alert"] li', (items) =>
    items.map((item) => item.textContent),
  );
  expect(warnings).toEqual([expect.stringMatching(/^“region” was ignored: /)]);

  expect(await retentionField(options)).toEqual({
    value: '45',
    readOnly: true,
    description: '🔒 Set by Example Borough Council; it cannot be changed here.',
    buttons: [],
  });

  // The read-only field is only the page's side: the background itself must refuse the change.
  const reply = await options.evaluate(
    (message) => (globalThis as unknown as ExtensionGlobal).browser.runtime.sendMessage(message),
    { type: 'settings/save', payload: { changes: { retentionDays: 7 }, reset: [] } },
  );
  expect(reply).toMatchObject({ ok: false, error: { code: 'setting-locked' } });
  expect((await retentionField(options))?.value).toBe('45');
});
