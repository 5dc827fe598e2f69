import type { Page } from '@playwright/test';
import { expect, openPanelOn, test } from './fixtures';

/** The overlay's hosts in the page: each copy mounts one element at the end of <html>. */
const overlayHosts = (page: Page) =>
  page.evaluate(
    () =>
      Array.from(document.documentElement.children).filter((element) => element.tagName.startsWith('X-'))
        .length,
  );

test('a copy orphaned by an extension reload removes itself, with nothing sent by the page', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const page = await context.newPage();
  const panel = await openPanelOn(page, extensionId, '/children/P100234');
  await expect(panel.getByTestId('record-id')).toHaveText('P100234');
  expect(await overlayHosts(page)).toBe(1);

  await serviceWorker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
  // The old copy can no longer reach the extension; it notices on its own within half a second.
  await expect.poll(() => overlayHosts(page), { timeout: 2_000 }).toBe(0);
});
