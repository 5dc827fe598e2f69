import type { Request } from '@playwright/test';
import { expect, openPanelOn, test } from './fixtures';
import { E2E_DEMO_PORT } from './ports';
import { insertFullRecord, workAnEscalation } from './practitioner-flow';

/**
 * "Nothing leaves your machine": every network request made while a
 * practitioner works a whole escalation — by the demo page, the panel's frame,
 * the popup and the extension's service worker — goes to the extension itself
 * or to the demo case-record site on 127.0.0.1, and nowhere else.
 */

const demoOrigin = `http://127.0.0.1:${E2E_DEMO_PORT}`;

interface Seen {
  url: string;
  from: string;
}

/** Where a request may go: the extension's own files, or the case-record system the user is on. */
function isAllowed(url: string, extensionId: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'chrome-extension:') return parsed.host === extensionId;
  // Never fetched over the network: inline and in-memory resources.
  if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return true;
  return parsed.origin === demoOrigin;
}

function describeSource(request: Request): string {
  if (request.serviceWorker()) return `service worker ${request.serviceWorker()?.url()}`;
  try {
    return `frame ${request.frame().url()}`;
  } catch {
    return 'unknown';
  }
}

test('working a whole escalation sends nothing beyond the extension and the demo site', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const seen: Seen[] = [];
  // Page, frame and (in Chromium) service-worker requests all arrive here.
  context.on('request', (request) => seen.push({ url: request.url(), from: describeSource(request) }));
  context.on('page', (page) =>
    page.on('websocket', (socket) => seen.push({ url: socket.url(), from: `websocket in ${page.url()}` })),
  );

  const page = await context.newPage();
  const panel = await openPanelOn(page, extensionId, '/children/P101552/notes');
  await expect(panel.getByTestId('record-id')).toHaveText('P101552');
  await workAnEscalation(panel, async () => undefined);
  await page.getByLabel('New case note').click();
  await insertFullRecord(panel);
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.locator('.saved-notes li').last()).toContainText('STAGE 2');

  // The popup (badge, list of escalations) and the options page read the same data.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('list', { name: 'Open escalations' }).getByRole('listitem')).toHaveCount(1);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading').first()).toBeVisible();

  // Requests the worker made before this test could listen (install, start-up) are in its own
  // resource timing buffer.
  const workerEarlier = await serviceWorker.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => entry.name),
  );
  seen.push(...workerEarlier.map((url) => ({ url, from: 'service worker (resource timing)' })));

  // The listener does see the service worker: a request it makes is recorded as coming from it.
  const probe = `${demoOrigin}/children?privacy-probe`;
  await serviceWorker.evaluate((url) => fetch(url).then((response) => response.status), probe);
  await expect
    .poll(() => seen.some((entry) => entry.url === probe && entry.from.startsWith('service worker ')))
    .toBe(true);

  expect(seen.length).toBeGreaterThan(10);
  expect(seen.filter((entry) => !isAllowed(entry.url, extensionId))).toEqual([]);
});
