import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Escalation, startEscalation } from '../../lib/escalation';
import { accepted, draft, socialWorker, startContextAt } from '../../lib/escalation/testing';
import {
  type ExtensionGlobal,
  type FirefoxSession,
  openExtensionPage,
  setClock,
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

test('five escalations backdated to overdue at once give one notification', async () => {
  const options = await openExtensionPage(firefox, 'options.html');
  // Headless Firefox has no notification centre: it closes each notification as soon as it is
  // created and tells every extension page so. The page counts the notifications from those reports
  // (and from any still shown, should a Firefox keep them).
  await options.evaluate(() => {
    const { notifications } = (globalThis as unknown as ExtensionGlobal).browser;
    const seen = new Set<string>();
    (globalThis as unknown as { seen: Set<string> }).seen = seen;
    notifications.onClosed.addListener((id) => seen.add(id));
  });
  const shown = () =>
    options.evaluate(async () => {
      const { notifications } = (globalThis as unknown as ExtensionGlobal).browser;
      const { seen } = globalThis as unknown as { seen: Set<string> };
      return [...new Set([...seen, ...Object.keys(await notifications.getAll())])];
    });

  // Wed 4 Nov 2026, 10:00 London, inside working hours, through the test build's clock seam: step 1a
  // of each (due Tue 3 Nov 17:00) is overdue.
  const now = new Date('2026-11-04T10:00:00Z');
  await setClock(options, now);
  const escalations: Record<string, Escalation> = {};
  for (let index = 0; index < 5; index++) {
    const id = `late-${index}`;
    const startedAt = '2026-11-02T10:30:00.000Z';
    escalations[`escalation:${id}`] = accepted(
      startEscalation(
        {
          ...draft,
          child: { ...draft.child, recordId: `P${index}` },
          differenceStartedAt: startedAt,
          imminentRisk: { atRisk: false, answeredAt: startedAt },
        },
        { ...startContextAt(now.toISOString()), newId: () => id },
      ),
    );
  }
  // All five in one write, as a restored backup arrives.
  await options.evaluate(
    (items) => (globalThis as unknown as ExtensionGlobal).browser.storage.local.set(items),
    escalations,
  );
  await expect.poll(() => badgeTitle(options), { timeout: 1_000 }).toBe('Escalation overlay: 5 overdue');
  await expect.poll(shown, { timeout: 5_000 }).toHaveLength(1);
  // Nothing more follows: every step the summary covers counts as notified.
  await new Promise((done) => setTimeout(done, 1_000));
  expect(await shown()).toEqual([expect.stringMatching(/^summary\|overdue\|\d+$/)]);
  await options.close();
});
