import { rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { draft, socialWorker } from '../../lib/escalation/testing';
import { expect, launchWithExtension, newProfile, test, turnOnThisSite } from './fixtures';

/** Sends a typed message from an extension page, as the panel and popup do. */
function send(page: Page, type: string, payload: unknown) {
  return page.evaluate(
    ([messageType, messagePayload]) =>
      chrome.runtime.sendMessage({ type: messageType, payload: messagePayload }),
    [type, payload] as const,
  );
}

/** A draft whose difference of opinion started an hour ago, so every edit is dated within it. */
function draftStartedAnHourAgo() {
  const started = new Date(Date.now() - 3_600_000).toISOString();
  return { ...draft, differenceStartedAt: started, imminentRisk: { atRisk: false, answeredAt: started } };
}

async function startEscalation(page: Page): Promise<string> {
  const reply = await send(page, 'escalation/start', { input: draftStartedAnHourAgo(), by: socialWorker });
  expect(reply).toMatchObject({ ok: true });
  return reply.value.escalation.id;
}

async function storedEscalations(page: Page) {
  return page.evaluate(async () => {
    const everything = await chrome.storage.local.get(null);
    return Object.entries(everything)
      .filter(([key]) => key.startsWith('escalation:'))
      .map(([, value]) => value as { id: string; revision: number; discussions: { summary: string }[] });
  });
}

/**
 * In the page: makes `count` edits, alternating between the shared escalation
 * and this page's own, each on the latest revision and redone when another
 * page saved first, exactly as the panel does on a stale-edit refusal.
 */
function interleavedEdits(page: Page, label: string, sharedId: string, ownId: string, count: number) {
  return page.evaluate(
    async ({ label, sharedId, ownId, count, by }) => {
      const heldAt = new Date(Date.now() - 60_000).toISOString();
      let redone = 0;
      for (let index = 0; index < count; index++) {
        const id = index % 2 === 0 ? sharedId : ownId;
        for (;;) {
          const key = `escalation:${id}`;
          const stored = (await chrome.storage.local.get(key))[key] as { revision: number };
          const reply = await chrome.runtime.sendMessage({
            type: 'escalation/change',
            payload: {
              id,
              expectedRevision: stored.revision,
              by,
              change: {
                kind: 'record-discussion',
                input: {
                  heldAt,
                  method: 'call',
                  raisingSide: [{ name: by.name, role: by.role }],
                  otherSide: [{ name: 'Alex Jones', role: 'Health Visitor' }],
                  otherAgencyPosition: 'Unchanged.',
                  summary: `${label} edit ${index}`,
                  outcome: 'Noted.',
                  fedBack: true,
                  recordedOnFile: { raisingAgency: true, otherAgency: true },
                },
              },
            },
          });
          if (reply.ok) break;
          if (reply.error.code !== 'stale-revision') throw new Error(reply.error.message);
          redone++;
        }
      }
      return redone;
    },
    { label, sharedId, ownId, count, by: socialWorker },
  );
}

test('two tabs and the popup make 50 interleaved edits each and none is lost', async ({
  context,
  extensionId,
}) => {
  const pages = await Promise.all(
    ['panel.html', 'panel.html', 'popup.html'].map(async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    }),
  );
  const [first] = pages as [Page, ...Page[]];
  const shared = await startEscalation(first);
  const own = await Promise.all(pages.map((page) => startEscalation(page)));

  const redone = await Promise.all(
    pages.map((page, index) => interleavedEdits(page, `page ${index}`, shared, own[index] as string, 50)),
  );
  // The pages really did collide, and every collision was caught rather than overwritten.
  expect(redone.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);

  const escalations = await storedEscalations(first);
  const byId = new Map(escalations.map((escalation) => [escalation.id, escalation]));
  const sharedSummaries = byId.get(shared)?.discussions.map((entry) => entry.summary) ?? [];
  expect(sharedSummaries).toHaveLength(75);
  expect(byId.get(shared)?.revision).toBe(76);
  pages.forEach((_page, index) => {
    const expected = Array.from({ length: 25 }, (_, edit) => `page ${index} edit ${edit * 2}`);
    expect(sharedSummaries.filter((summary) => summary.startsWith(`page ${index} `))).toEqual(expected);
    expect(byId.get(own[index] as string)?.discussions).toHaveLength(25);
  });
});

test('data survives a stopped service worker and a browser restart', async () => {
  const profile = newProfile();
  try {
    let context = await launchWithExtension(profile);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    let page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/panel.html`);
    const id = await startEscalation(page);

    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The next message wakes a fresh service worker, which must find the escalation where it was left.
    const reply = await send(page, 'escalation/change', {
      id,
      expectedRevision: 1,
      by: socialWorker,
      change: { kind: 'withdraw', input: { reason: 'Resolved before the first discussion.' } },
    });
    expect(reply).toMatchObject({ ok: true, value: { escalation: { revision: 2, status: 'withdrawn' } } });
    await context.close();

    context = await launchWithExtension(profile);
    page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/panel.html`);
    const [escalation] = await storedEscalations(page);
    expect(escalation).toMatchObject({ id, revision: 2 });
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a content script cannot read escalation data, nor the popup’s list', async ({
  context,
  extensionId,
}) => {
  const extensionPage = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/panel.html`);
  await startEscalation(extensionPage);
  // The background keeps the popup's list in storage.session: there is something there to refuse.
  await expect
    .poll(() =>
      extensionPage.evaluate(async () => Object.keys(await chrome.storage.session.get('dashboardList'))),
    )
    .toEqual(['dashboardList']);

  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const worlds: { id: number; origin: string; name: string; type?: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: world }) =>
    worlds.push({ id: world.id, origin: world.origin, name: world.name, type: world.auxData?.type }),
  );
  await cdp.send('Runtime.enable');
  await page.goto('/children/P100234');
  // Sites are opt-in: the content script runs only once the demo site is turned on.
  await turnOnThisSite(page, extensionId);
  await expect
    .poll(() => worlds.some((world) => world.type === 'isolated' && world.origin.includes(extensionId)))
    .toBe(true);
  const contentWorld = worlds.find(
    (world) => world.type === 'isolated' && world.origin.includes(extensionId),
  );

  const attempt = await cdp.send('Runtime.evaluate', {
    contextId: contentWorld?.id,
    expression: 'chrome.storage.local.get(null).then((items) => Object.keys(items).length)',
    awaitPromise: true,
    returnByValue: true,
  });
  // The read is refused outright: no count of stored items ever reaches the content script.
  expect(attempt.exceptionDetails?.exception?.description ?? '').toMatch(/not allowed|access/i);
  expect(typeof attempt.result.value).not.toBe('number');

  // storage.session stays at Chrome's default, trusted contexts only: nothing in the extension widens it.
  const session = await cdp.send('Runtime.evaluate', {
    contextId: contentWorld?.id,
    expression: 'chrome.storage.session.get(null).then((items) => Object.keys(items).length)',
    awaitPromise: true,
    returnByValue: true,
  });
  expect(session.exceptionDetails?.exception?.description ?? '').toMatch(/not allowed|access/i);
  expect(typeof session.result.value).not.toBe('number');
});
