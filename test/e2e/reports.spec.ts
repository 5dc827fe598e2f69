import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { draft, socialWorker } from '../../lib/escalation/testing';
import { parseCsv } from '../../lib/reports/testing';
import { seriousAccessibilityViolations } from './axe';
import { expect, openPanelOn, setClock, test } from './fixtures';
import { OTHER_AGENCY, workAnEscalation } from './practitioner-flow';

/** Mon 16 Nov 2026, 10:00 London (GMT): every escalation here starts in October–December 2026. */
const NOW = new Date('2026-11-16T10:00:00Z');

function send(page: Page, type: string, payload: unknown) {
  return page.evaluate(
    ([messageType, messagePayload]) =>
      chrome.runtime.sendMessage({ type: messageType, payload: messagePayload }),
    [type, payload] as const,
  );
}

/** Starts an escalation and resolves it, as the panel's messages do. */
async function startAndResolve(page: Page, startedAt: string, resolvedAt: string) {
  const started = await send(page, 'escalation/start', {
    input: {
      ...draft,
      otherParty: {
        agency: 'Thames Valley Police',
        professional: { name: 'Pat Lee', role: 'Detective Sergeant' },
      },
      differenceStartedAt: startedAt,
      imminentRisk: { atRisk: false, answeredAt: startedAt },
    },
    by: socialWorker,
  });
  expect(started).toMatchObject({ ok: true });
  const escalation = started.value.escalation;
  const resolved = await send(page, 'escalation/change', {
    id: escalation.id,
    expectedRevision: escalation.revision,
    by: socialWorker,
    change: {
      kind: 'resolve',
      input: {
        agreementReached: true,
        agreementReason: 'Agreed by email after the meeting.',
        outcomeId: 'resolved',
        summary: 'Referral agreed.',
        resolvedAt,
      },
    },
  });
  expect(resolved).toMatchObject({ ok: true });
  return escalation;
}

/** The number a breakdown's table gives for a category. */
async function countIn(page: Page, breakdown: string, category: string) {
  const table = page.getByRole('table', { name: new RegExp(`^${breakdown},`) });
  return table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: category, exact: true }) })
    .getByRole('cell')
    .textContent();
}

test('two escalations worked, the Reports page counts them and exports them as CSV', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await setClock(page, NOW);
  await startAndResolve(page, '2026-11-02T10:30:00Z', '2026-11-05T12:00:00Z');

  const host = await context.newPage();
  const panel = await openPanelOn(host, extensionId, '/children/P101552');
  await expect(panel.getByTestId('record-id')).toHaveText('P101552');
  // To stage 2, with the Business Manager told through "Prepare the notification", whose screen
  // passes axe in both colour schemes.
  await workAnEscalation(
    panel,
    async (screen) => {
      if (screen !== '09-notification-prepared') return;
      for (const colorScheme of ['dark', 'light'] as const) {
        await host.emulateMedia({ colorScheme });
        expect(await seriousAccessibilityViolations(panel)).toEqual([]);
      }
    },
    undefined,
    'prepare',
  );

  const reports = await context.newPage();
  await reports.goto(`chrome-extension://${extensionId}/reports.html`);
  await expect(reports.getByTestId('started')).toHaveText('2');
  await expect(
    reports.getByRole('heading', { level: 2, name: 'Thu 1 Oct 2026 to Thu 31 Dec 2026' }),
  ).toBeVisible();
  expect(await reports.getByTestId('resolved').textContent()).toBe('1');
  // 2–5 Nov: three working days.
  expect(await reports.getByTestId('median').textContent()).toBe('3');
  expect(
    await countIn(
      reports,
      'Stage reached',
      'Stage 1: Promoting discussion to find a resolution for the child',
    ),
  ).toBe('1');
  expect(await countIn(reports, 'Stage reached', 'Stage 2: Management finding solutions')).toBe('1');
  expect(await countIn(reports, 'Agency raised with', OTHER_AGENCY)).toBe('1');
  expect(await countIn(reports, 'Agency raised with', 'Thames Valley Police')).toBe('1');
  expect(await countIn(reports, 'Reason', 'Threshold or referral decision')).toBe('2');
  expect(await countIn(reports, 'Outcome', 'Resolved: agreement reached')).toBe('1');
  expect(await countIn(reports, 'Outcome', 'Still open')).toBe('1');

  const downloading = reports.waitForEvent('download');
  await reports.getByRole('button', { name: /^Export the rows/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('escalation-returns-2026-10-01-to-2026-12-31.csv');
  const path = await download.path();
  const rows = parseCsv(readFileSync(path, 'utf8'));
  const header = rows[0] ?? [];
  const column = (name: string) => rows.slice(1).map((row) => row[header.indexOf(name)]);
  expect(rows).toHaveLength(3);
  expect(column('Agency raised with').sort()).toEqual([OTHER_AGENCY, 'Thames Valley Police']);
  expect(column('Stage reached').sort()).toEqual(['1', '2']);
  expect(column('Status').sort()).toEqual(['open', 'resolved']);
  expect(column('Reference').every((reference) => /^ESC-2026\d{4}-[A-Z0-9]{8}$/.test(reference ?? ''))).toBe(
    true,
  );
  const text = readFileSync(path, 'utf8');
  for (const secret of ['P101552', 'Alex Jones', 'bruise', 'Sam Patel']) expect(text).not.toContain(secret);

  const summaryDownload = reports.waitForEvent('download');
  await reports.getByRole('button', { name: 'Export the summary (CSV)' }).click();
  const summary = parseCsv(readFileSync(await (await summaryDownload).path(), 'utf8'));
  expect(summary).toContainEqual(['Escalations started', '', '2', '']);
});

test('the Reports page passes axe in light and dark, with every chart matched by its table', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await setClock(page, NOW);
  await startAndResolve(page, '2026-11-02T10:30:00Z', '2026-11-05T12:00:00Z');
  for (const colorScheme of ['light', 'dark'] as const) {
    const reports = await context.newPage();
    await reports.emulateMedia({ colorScheme });
    await reports.goto(`chrome-extension://${extensionId}/reports.html`);
    await expect(reports.getByTestId('started')).toHaveText('1');
    const background = await reports.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(colorScheme === 'dark' ? 'rgb(23, 25, 28)' : 'rgb(247, 247, 248)');
    await expect(
      reports.getByRole('img', { name: /^Agency raised with\. Thames Valley Police: 1\.$/ }),
    ).toBeVisible();
    expect(await seriousAccessibilityViolations(reports)).toEqual([]);
    // WCAG reflow: at 320 CSS pixels nothing scrolls sideways.
    await reports.setViewportSize({ width: 320, height: 720 });
    expect(
      await reports.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBe(0);
    await reports.close();
  }
});

test('an ended escalation deleted by retention still counts in the period’s returns', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await setClock(page, NOW);
  const escalation = await startAndResolve(page, '2026-11-02T10:30:00Z', '2026-11-05T12:00:00Z');
  const key = `escalation:${escalation.id}`;

  // 30 days after Thu 5 Nov is Sat 5 Dec; the retention alarm then deletes it.
  await setClock(page, new Date('2026-12-07T10:00:00Z'));
  await serviceWorker.evaluate(() => chrome.alarms.create('retention', { when: Date.now() + 50 }));
  await expect
    .poll(() => serviceWorker.evaluate((stored) => chrome.storage.local.get(stored), key), {
      timeout: 10_000,
    })
    .toEqual({});

  const reports = await context.newPage();
  await reports.goto(`chrome-extension://${extensionId}/reports.html`);
  await expect(reports.getByTestId('started')).toHaveText('1');
  expect(await countIn(reports, 'Outcome', 'Resolved: agreement reached')).toBe('1');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#data`);
  await expect(options.getByText(/Kept now: 1 row\./)).toBeVisible();
});
