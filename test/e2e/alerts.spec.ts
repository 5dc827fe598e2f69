import { rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { type Escalation, startEscalation } from '../../lib/escalation';
import { accepted, draft, socialWorker, startContextAt } from '../../lib/escalation/testing';
import { seriousAccessibilityViolations } from './axe';
import { expect, extensionReady, launchWithExtension, newProfile, setClock, test } from './fixtures';

const DAY = 86_400_000;

function send(page: Page, type: string, payload: unknown) {
  return page.evaluate(
    ([messageType, messagePayload]) =>
      chrome.runtime.sendMessage({ type: messageType, payload: messagePayload }),
    [type, payload] as const,
  );
}

function draftStartedAt(startedAt: Date) {
  const at = startedAt.toISOString();
  return { ...draft, differenceStartedAt: at, imminentRisk: { atRisk: false, answeredAt: at } };
}

async function start(page: Page, startedAt: Date): Promise<Escalation> {
  const reply = await send(page, 'escalation/start', { input: draftStartedAt(startedAt), by: socialWorker });
  expect(reply).toMatchObject({ ok: true });
  return reply.value.escalation;
}

const badgeText = (page: Page) => page.evaluate(() => chrome.action.getBadgeText({}));
const badgeTitle = (page: Page) => page.evaluate(() => chrome.action.getTitle({}));
const badgeColour = (page: Page) => page.evaluate(() => chrome.action.getBadgeBackgroundColor({}));
const alarmNames = (page: Page) =>
  page.evaluate(async () => (await chrome.alarms.getAll()).map((alarm) => alarm.name).sort());

async function extensionPage(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  return page;
}

test('a backdated escalation shows as overdue, and resolving it clears the badge within a second', async ({
  context,
  extensionId,
}) => {
  const page = await extensionPage(await context.newPage(), extensionId);
  const escalation = await start(page, new Date(Date.now() - 10 * DAY));
  await expect.poll(() => badgeText(page), { timeout: 1_000 }).toBe('1');
  expect(await badgeTitle(page)).toBe('Escalation overlay: 1 overdue');
  expect(await badgeColour(page)).toEqual([179, 38, 30, 255]);

  await send(page, 'escalation/change', {
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
  });
  await expect.poll(() => badgeText(page), { timeout: 1_000 }).toBe('');
});

test('moving the clock across a deadline turns a due-soon badge red through the alarm', async ({
  context,
  extensionId,
}) => {
  const page = await extensionPage(await context.newPage(), extensionId);
  // Tue 3 Nov 2026, 16:59:55 London: step 1a of an escalation started Mon 2 Nov 10:30 is due at 17:00.
  await setClock(page, new Date('2026-11-03T16:59:55Z'));
  await start(page, new Date('2026-11-02T10:30:00Z'));
  await expect.poll(() => badgeTitle(page), { timeout: 1_000 }).toBe('Escalation overlay: 1 due today');
  expect(await badgeColour(page)).not.toEqual([179, 38, 30, 255]);

  // No message or storage change from here: only the alarm set for the deadline can turn it red.
  await expect.poll(() => badgeTitle(page), { timeout: 15_000 }).toBe('Escalation overlay: 1 overdue');
  expect(await badgeColour(page)).toEqual([179, 38, 30, 255]);
});

test('the badge and alarms are right after the service worker stops and the browser restarts', async () => {
  const profile = newProfile();
  try {
    let context = await launchWithExtension(profile);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await extensionReady(worker);
    const extensionId = new URL(worker.url()).host;
    let page = await extensionPage(await context.newPage(), extensionId);
    await start(page, new Date(Date.now() - 10 * DAY));
    await start(page, new Date());
    await expect.poll(() => badgeText(page)).toBe('1');
    expect(await alarmNames(page)).toEqual(['deadline-change', 'deadline-safety', 'retention']);

    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await context.close();

    context = await launchWithExtension(profile);
    await extensionReady(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
    page = await extensionPage(await context.newPage(), extensionId);
    await expect.poll(() => badgeText(page)).toBe('1');
    expect(await badgeTitle(page)).toBe('Escalation overlay: 1 overdue');
    expect(await alarmNames(page)).toEqual(['deadline-change', 'deadline-safety', 'retention']);
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('the popup lists 300 escalations in urgency order, 50 at a time, from the list the background keeps', async ({
  context,
  extensionId,
  seedStorage,
  serviceWorker,
}) => {
  const now = Date.now();
  const escalations: Record<string, Escalation> = {};
  for (let index = 0; index < 300; index++) {
    // Starts spread over the last 30 days: older ones are overdue, the newest are not yet due.
    const startedAt = new Date(now - ((index * 7) % 30) * DAY - index * 60_000);
    const id = `esc-${String(index).padStart(3, '0')}`;
    const context = { ...startContextAt(new Date(now).toISOString()), newId: () => id };
    const escalation = accepted(
      startEscalation(
        { ...draftStartedAt(startedAt), child: { ...draft.child, recordId: `P${index}` } },
        context,
      ),
    );
    escalations[`escalation:${id}`] = escalation;
  }
  await seedStorage({ storageVersion: 1, ...escalations });
  // The background keeps the popup's list in storage.session, from the same reading as the badge.
  await expect
    .poll(() =>
      serviceWorker.evaluate(async () => {
        const { dashboardList } = await chrome.storage.session.get('dashboardList');
        return typeof dashboardList === 'string' ? JSON.parse(dashboardList).escalations.length : 0;
      }),
    )
    .toBe(300);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const rows = popup.getByRole('list', { name: 'Open escalations' }).getByRole('listitem');
  await expect(rows).toHaveCount(50);
  await expect(popup.getByLabel('All open (300)')).toBeChecked();
  await expect(popup.getByText('Showing 50 of 300')).toBeVisible();

  // From the keyboard: the next page appears and focus moves to its first record.
  await popup.getByRole('button', { name: 'Show 50 more' }).press('Enter');
  await expect(rows).toHaveCount(100);
  await expect(rows.nth(50).getByRole('button')).toBeFocused();
  for (let shown = 100; shown < 300; shown += 50) {
    await popup.getByRole('button', { name: 'Show 50 more' }).click();
    await expect(rows).toHaveCount(shown + 50);
  }
  await expect(popup.getByText('Showing 300 of 300')).toBeVisible();
  // Every row shown, of every state, in both colour schemes.
  expect(await seriousAccessibilityViolations(popup)).toEqual([]);
  await popup.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousAccessibilityViolations(popup)).toEqual([]);
  await popup.emulateMedia({ colorScheme: 'light' });
  await expect(popup.getByRole('button', { name: /^Show .* more$/ })).toHaveCount(0);

  const states = await rows.evaluateAll((items) =>
    items.map((item) => item.querySelector('.row-state')?.textContent?.trim()),
  );
  const rank = (state: string | undefined) => ['▲ Overdue', '● Due soon', '○ On track'].indexOf(state ?? '');
  expect(states.map(rank)).toEqual([...states.map(rank)].sort((a, b) => a - b));
  expect(states[0]).toBe('▲ Overdue');
});

test('five escalations backdated to overdue at once give one notification, which opens the popup filtered to overdue', async ({
  context,
  extensionId,
  seedStorage,
  serviceWorker,
}) => {
  const page = await extensionPage(await context.newPage(), extensionId);
  // Wed 4 Nov 2026, 10:00 London, inside working hours: step 1a of each (due Tue 3 Nov 17:00) is overdue.
  const now = new Date('2026-11-04T10:00:00Z');
  await setClock(page, now);
  const escalations: Record<string, Escalation> = {};
  for (let index = 0; index < 5; index++) {
    const id = `late-${index}`;
    escalations[`escalation:${id}`] = accepted(
      startEscalation(
        {
          ...draftStartedAt(new Date('2026-11-02T10:30:00Z')),
          child: { ...draft.child, recordId: `P${index}` },
        },
        { ...startContextAt(now.toISOString()), newId: () => id },
      ),
    );
  }
  await seedStorage(escalations);
  await expect.poll(() => badgeTitle(page), { timeout: 1_000 }).toBe('Escalation overlay: 5 overdue');

  // The extension's notifications as Chromium holds them.
  const shown = () => page.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
  await expect.poll(shown).toHaveLength(1);
  // A later refresh (moving the clock a minute recomputes everything) adds none: every step counts as notified.
  await setClock(page, new Date(now.getTime() + 60_000));
  await page.waitForTimeout(1_000);
  const ids = await shown();
  expect(ids).toEqual([expect.stringMatching(/^summary\|overdue\|\d+$/)]);

  // The browser's click on it, as its notification centre reports one to the background's listener.
  const opened = context.waitForEvent('page', {
    predicate: (tab) => tab.url().startsWith(`chrome-extension://${extensionId}/popup.html`),
  });
  await serviceWorker.evaluate((id) => {
    (chrome.notifications.onClicked as unknown as { dispatch(id: string): void }).dispatch(id);
  }, ids[0] ?? '');
  const popup = await opened;
  expect(new URL(popup.url()).search).toBe('?filter=overdue');
  await expect(popup.getByLabel('Overdue (5)')).toBeChecked();
  await expect(popup.getByRole('list', { name: 'Open escalations' }).getByRole('listitem')).toHaveCount(5);
  await expect.poll(shown).toEqual([]);
});
