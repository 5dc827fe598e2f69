import type { Page } from '@playwright/test';
import { seriousAccessibilityViolations } from './axe';
import { DEMO_SYSTEM, expect, test } from './fixtures';
import { OverlayControls } from './overlay';

/** Nothing of ours in the page: the overlay adds its element after the body. */
const overlayAbsent = async (page: Page) => {
  await page.waitForTimeout(300);
  return page.evaluate(() => document.documentElement.lastElementChild?.tagName === 'BODY');
};

test('Settings → Sites: add the demo site, test it on an open record, switch it off and on', async ({
  context,
  extensionId,
  baseURL,
}) => {
  const record = await context.newPage();
  await record.goto('/children/P100234');
  await expect(record.getByRole('heading', { name: 'Amelia Hartwell' })).toBeVisible();

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const sites = options.getByRole('region', { name: 'Sites' });
  await expect(sites.getByText(/No sites yet/)).toBeVisible();

  await sites.getByLabel('Address of a page on the site').fill(`${baseURL}/children/P100234`);
  await sites.getByRole('button', { name: 'Add site' }).click();
  const status = sites.getByRole('status');
  await expect(status).toHaveText(/^Added 127\.0\.0\.1\./);
  const row = sites.getByRole('row', { name: /^127\.0\.0\.1/ });
  await expect(row.getByRole('cell', { name: /^On: the launcher shows/ })).toBeVisible();
  expect(await seriousAccessibilityViolations(options)).toEqual([]);

  await row.getByRole('button', { name: 'Test 127.0.0.1' }).click();
  await expect(status).toHaveText(`Test on 127.0.0.1: found record P100234 in ${DEMO_SYSTEM}.`);

  // The switch shows the background's answer, so it changes once the site has been switched.
  const toggle = row.getByRole('checkbox', { name: 'Use on 127.0.0.1' });
  await toggle.click();
  await expect(status).toHaveText('127.0.0.1 is off. Its pages no longer show the launcher.');
  await expect(toggle).not.toBeChecked();
  await expect(row.getByRole('cell', { name: 'Off: nothing runs on this site.' })).toBeVisible();
  await record.reload();
  expect(await overlayAbsent(record)).toBe(true);

  await toggle.click();
  await expect(status).toHaveText('127.0.0.1 is on.');
  await expect(toggle).toBeChecked();
  await record.reload();
  await (await OverlayControls.attach(record)).waitFor('button', 'Escalations');
});

test('Settings → Sites: a site turned on from the popup is listed, and Test says when no tab is open', async ({
  context,
  extensionId,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const sites = options.getByRole('region', { name: 'Sites' });
  await expect(sites.getByText(/No sites yet/)).toBeVisible();

  const record = await context.newPage();
  await record.goto('/children/P100234');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await record.bringToFront();
  await popup.getByRole('checkbox', { name: 'Use on this site' }).click();
  await expect(popup.getByRole('status')).toHaveText('Turned on for 127.0.0.1.');
  await popup.close();

  const row = sites.getByRole('row', { name: /^127\.0\.0\.1/ });
  await expect(row.getByRole('checkbox', { name: 'Use on 127.0.0.1' })).toBeChecked();
  await record.close();
  await row.getByRole('button', { name: 'Test 127.0.0.1' }).click();
  await expect(sites.getByRole('status')).toHaveText(/no tab is open on this site/);
});

test('sites enabled before version 3 stay on after the storage update', async ({
  context,
  extensionId,
  serviceWorker,
  seedStorage,
}) => {
  // The new profile's store is stamped first; the older layout is written over it.
  await expect
    .poll(() => serviceWorker.evaluate(() => chrome.storage.local.get('storageVersion')))
    .toEqual({ storageVersion: 3 });
  await seedStorage({ storageVersion: 2, enabledSites: ['http://127.0.0.1/*'] });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  // A fresh service worker opens the store again, as after an update: migration 3 runs then.
  const cdp = await context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await options.reload();

  const row = options.getByRole('region', { name: 'Sites' }).getByRole('row', { name: /^127\.0\.0\.1/ });
  await expect(row.getByRole('checkbox', { name: 'Use on 127.0.0.1' })).toBeChecked();
  const record = await context.newPage();
  await record.goto('/children/P100234');
  await (await OverlayControls.attach(record)).waitFor('button', 'Escalations');
});
