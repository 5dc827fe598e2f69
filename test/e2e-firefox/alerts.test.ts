import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { socialWorker } from '../../lib/escalation/testing';
import {
  type ExtensionGlobal,
  type FirefoxSession,
  openExtensionPage,
  startEscalationFor,
  startFirefox,
} from './firefox';

let firefox: FirefoxSession;

beforeAll(async () => {
  firefox = await startFirefox();
});

afterAll(async () => {
  await firefox?.close();
});

const DAY = 86_400_000;

// The toolbar badge as Firefox holds it, asked through the extension's `action` API, as in the
// Chromium suite.
const badgeText = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as ExtensionGlobal).browser.action.getBadgeText({}));
const badgeColour = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as ExtensionGlobal).browser.action.getBadgeBackgroundColor({}));
const badgeTextColour = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as ExtensionGlobal).browser.action.getBadgeTextColor({}));
const badgeTitle = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as ExtensionGlobal).browser.action.getTitle({}));

test('an overdue escalation shows as a red count on the toolbar badge, and resolving it clears the badge', async () => {
  const record = await firefox.browser.newPage();
  await record.goto(`${firefox.demoUrl}/children/P100234`);
  const options = await openExtensionPage(firefox, 'options.html');
  expect(await badgeText(options)).toBe('');

  // Ten days after the difference of opinion began, stage 1's first step is well past its deadline.
  const escalation = await startEscalationFor(firefox, record, 'P100234', {
    differenceStartedAt: new Date(Date.now() - 10 * DAY),
  });
  // The background sets the title last, so once it reads right the badge is complete.
  await expect.poll(() => badgeTitle(options), { timeout: 1_000 }).toBe('Escalation overlay: 1 overdue');
  expect(await badgeText(options)).toBe('1');
  expect(await badgeColour(options)).toEqual([179, 38, 30, 255]);
  expect(await badgeTextColour(options)).toEqual([255, 255, 255, 255]);

  // The background keeps the popup's list in storage.session too, and the popup shows it.
  const popup = await openExtensionPage(firefox, 'popup.html');
  const keptList = () =>
    popup.evaluate(async () => {
      const { dashboardList } = await (globalThis as unknown as ExtensionGlobal).browser.storage.session.get(
        'dashboardList',
      );
      return typeof dashboardList === 'string' ? JSON.parse(dashboardList).escalations.length : -1;
    });
  await expect.poll(keptList, { timeout: 1_000 }).toBe(1);
  await popup.waitForSelector('ul.rows > li.row-overdue');

  const reply = await options.evaluate(
    (message) => (globalThis as unknown as ExtensionGlobal).browser.runtime.sendMessage(message),
    {
      type: 'escalation/change',
      payload: {
        id: escalation.id,
        expectedRevision: escalation.revision,
        by: socialWorker,
        change: {
          kind: 'resolve',
          input: {
            agreementReached: true,
            agreementReason: 'Agreed on the phone.',
            outcomeId: 'resolved',
            summary: 'Referral agreed.',
          },
        },
      },
    },
  );
  expect(reply).toMatchObject({ ok: true });
  await expect
    .poll(() => badgeTitle(options), { timeout: 1_000 })
    .toBe('Escalation overlay: no escalation steps due or overdue');
  expect(await badgeText(options)).toBe('');
  // The open popup follows the list the background keeps.
  await popup.waitForFunction(() => document.body.textContent?.includes('No open escalations.'));
  await popup.close();
});
