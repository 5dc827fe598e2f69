import { expect, openPanelOn, panelFrame, test, turnOnThisSite } from './fixtures';
import { OverlayControls } from './overlay';

test('nothing runs on a site that has not been turned on', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('/children/P100234');
  await expect(page.getByRole('heading', { name: 'Amelia Hartwell' })).toBeVisible();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => document.documentElement.lastElementChild?.tagName)).toBe('BODY');
});

test('the launcher appears once the site is on, and the panel loads only when opened', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto('/children/P100234');
  await turnOnThisSite(page, extensionId);
  const overlay = await OverlayControls.attach(page);
  await overlay.waitFor('button', 'Escalations');
  expect(page.frames().some((frame) => frame.url().includes('panel.html'))).toBe(false);

  await overlay.click('button', 'Escalations');
  const panel = await panelFrame(page, extensionId);
  await expect(panel.getByRole('heading', { name: 'Professional disagreement escalation' })).toBeVisible();
  expect(await overlay.isPresent('button', 'Close escalations')).toBe(true);
});

test('on a page whose load is held up, the launcher still appears', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto('/children/P100234');
  await turnOnThisSite(page, extensionId);
  // An image on this page answers only after 20 seconds, so the page never finishes loading here.
  await page.goto('/children/P100234?slow', { waitUntil: 'domcontentloaded' });
  const overlay = await OverlayControls.attach(page);
  await overlay.waitFor('button', 'Escalations', 10_000);
  expect(await page.evaluate(() => document.readyState)).not.toBe('complete');
});

test('the site stays on after a reload, and its open state and width are remembered', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto('/children/P100234');
  await turnOnThisSite(page, extensionId);
  const overlay = await OverlayControls.attach(page);
  await overlay.click('button', 'Escalations');
  await panelFrame(page, extensionId);
  await overlay.focus('separator', 'Resize escalation panel');
  for (let press = 0; press < 3; press++) await page.keyboard.press('ArrowLeft');

  await page.reload();
  const again = await OverlayControls.attach(page);
  await again.waitFor('button', 'Close escalations');
  const panel = await panelFrame(page, extensionId);
  await expect(panel.getByTestId('record-id')).toHaveText('P100234');
  const width = await panel.evaluate(() => window.innerWidth);
  expect(width).toBeGreaterThanOrEqual(470);
});

test('turning the site off removes the overlay, and a reload does not bring it back', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto('/children/P100234');
  await turnOnThisSite(page, extensionId);
  const overlay = await OverlayControls.attach(page);
  await overlay.waitFor('button', 'Escalations');

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.bringToFront();
  await popup.getByRole('checkbox', { name: 'Use on this site' }).click();
  await expect(popup.getByRole('status')).toHaveText('Turned off on 127.0.0.1.');
  await expect.poll(() => overlay.isPresent('button', 'Escalations')).toBe(false);

  await page.reload();
  await page.waitForTimeout(300);
  expect(await overlay.isPresent('button', 'Escalations')).toBe(false);
});

test('"Open panel here once" opens the panel on a site that is not turned on', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto('/children/P101552');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.bringToFront();
  await popup.getByRole('button', { name: 'Open panel here once' }).click();
  const panel = await panelFrame(page, extensionId);
  await expect(panel.getByTestId('record-id')).toHaveText('P101552');

  await page.reload();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => document.documentElement.lastElementChild?.tagName)).toBe('BODY');
});

test('when no child is found the panel asks for the reference instead of guessing', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  const panel = await openPanelOn(page, extensionId, '/children');
  await expect(panel.getByText('No child’s record was found on this page.')).toBeVisible();
  await panel.getByLabel(/Child’s reference/).fill('P555000');
  await panel.getByRole('button', { name: 'Use this reference' }).click();
  await expect(panel.getByTestId('record-id')).toHaveText('P555000');
  await expect(panel.getByRole('heading', { name: 'Escalations for Record P555000' })).toBeVisible();
});
