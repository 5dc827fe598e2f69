import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { discussionAt, draft, socialWorker } from '../../lib/escalation/testing';
import {
  type ExtensionGlobal,
  type FirefoxSession,
  openExtensionPage,
  setClock,
  startFirefox,
} from './firefox';

let firefox: FirefoxSession;

beforeAll(async () => {
  firefox = await startFirefox();
});

afterAll(async () => {
  await firefox?.close();
});

/** Sends one of the panel's messages from an extension page; returns the escalation it gives back. */
async function send(page: Page, type: string, payload: unknown) {
  const reply = (await page.evaluate(
    (message) => (globalThis as unknown as ExtensionGlobal).browser.runtime.sendMessage(message),
    { type, payload },
  )) as { ok?: boolean; value?: { escalation: { id: string; revision: number } } };
  if (!reply?.ok || !reply.value) throw new Error(`${type} failed: ${JSON.stringify(reply)}`);
  return reply.value.escalation;
}

async function change(page: Page, escalation: { id: string; revision: number }, change: unknown) {
  return send(page, 'escalation/change', {
    id: escalation.id,
    expectedRevision: escalation.revision,
    by: socialWorker,
    change,
  });
}

const start = (page: Page, startedAt: string, agency: string) =>
  send(page, 'escalation/start', {
    input: {
      ...draft,
      otherParty: { ...draft.otherParty, agency },
      differenceStartedAt: startedAt,
      imminentRisk: { atRisk: false, answeredAt: startedAt },
    },
    by: socialWorker,
  });

test('the Reports page opens in Firefox and shows the same counts as in Chromium', async () => {
  const options = await openExtensionPage(firefox, 'options.html');
  // Mon 16 Nov 2026, 10:00 London, as in the Chromium spec.
  await setClock(options, new Date('2026-11-16T10:00:00Z'));

  const resolved = await start(options, '2026-11-02T10:30:00Z', 'Thames Valley Police');
  await change(options, resolved, {
    kind: 'resolve',
    input: {
      agreementReached: true,
      agreementReason: 'Agreed by email after the meeting.',
      outcomeId: 'resolved',
      summary: 'Referral agreed.',
      resolvedAt: '2026-11-05T12:00:00Z',
    },
  });
  let atStage2 = await start(options, '2026-11-16T09:00:00Z', draft.otherParty.agency);
  // Each step moved on from just after its discussion, as the Chromium spec does in the panel.
  for (const [heldAt, movedAt] of [
    ['2026-11-16T09:10:00Z', '2026-11-16T09:20:00Z'],
    ['2026-11-16T09:30:00Z', '2026-11-16T09:40:00Z'],
  ] as const) {
    atStage2 = await change(options, atStage2, { kind: 'record-discussion', input: discussionAt(heldAt) });
    atStage2 = await change(options, atStage2, { kind: 'move-to-next-step', input: { at: movedAt } });
  }

  const reports = await openExtensionPage(firefox, 'reports.html');
  await reports.waitForSelector('[data-testid="started"]');
  const read = () =>
    reports.evaluate(() => {
      const text = (selector: string) => document.querySelector(selector)?.textContent ?? '';
      const tables = Object.fromEntries(
        Array.from(document.querySelectorAll('section[data-breakdown] table'), (table) => [
          table.closest('section')?.getAttribute('data-breakdown'),
          Object.fromEntries(
            Array.from(table.querySelectorAll('tbody tr'), (row) => [
              row.querySelector('th')?.textContent,
              row.querySelector('td')?.textContent,
            ]),
          ),
        ]),
      );
      return {
        started: text('[data-testid="started"]'),
        resolved: text('[data-testid="resolved"]'),
        median: text('[data-testid="median"]'),
        tables,
      };
    });
  await reports.waitForFunction(() => document.querySelector('[data-testid="started"]')?.textContent === '2');
  const shown = await read();
  expect(shown.started).toBe('2');
  expect(shown.resolved).toBe('1');
  expect(shown.median).toBe('3');
  expect(shown.tables.stage).toMatchObject({
    'Stage 1: Promoting discussion to find a resolution for the child': '1',
    'Stage 2: Management finding solutions': '1',
  });
  expect(shown.tables['agency-raised-with']).toEqual({
    'Berkshire Healthcare NHS Foundation Trust': '1',
    'Thames Valley Police': '1',
  });
  expect(shown.tables.outcome).toMatchObject({ 'Resolved: agreement reached': '1', 'Still open': '1' });
  expect(shown.tables.reason).toMatchObject({ 'Threshold or referral decision': '2' });
});
