import { seriousAccessibilityViolations } from './axe';
import { expect, openPanelOn, panelFrame, test, turnOnThisSite } from './fixtures';
import { OverlayControls } from './overlay';
import { pressWithKeyboard, workAnEscalation } from './practitioner-flow';

test('the panel has no serious or critical accessibility violations', async ({ context, extensionId }) => {
  const page = await context.newPage();
  const panel = await openPanelOn(page, extensionId, '/children/P100871');
  await expect(panel.getByTestId('record-id')).toHaveText('P100871');
  expect(await seriousAccessibilityViolations(panel)).toEqual([]);
});

test('the panel asking for a reference has no serious or critical violations', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  const panel = await openPanelOn(page, extensionId, '/children');
  await expect(panel.getByRole('button', { name: 'Use this reference' })).toBeVisible();
  expect(await seriousAccessibilityViolations(panel)).toEqual([]);
});

test('the popup has no serious or critical accessibility violations', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto('/children/P100871');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.bringToFront();
  await expect(popup.getByRole('checkbox', { name: 'Use on this site' })).toBeVisible();
  expect(await seriousAccessibilityViolations(popup)).toEqual([]);
});

test('the launcher and the resize handle are reachable and operable by keyboard', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto('/children/P100871');
  await turnOnThisSite(page, extensionId);
  const overlay = await OverlayControls.attach(page);
  await overlay.focus('button', 'Escalations');
  await page.keyboard.press('Enter');
  await panelFrame(page, extensionId);
  expect(await overlay.isPresent('button', 'Close escalations')).toBe(true);
  expect(await overlay.isPresent('separator', 'Resize escalation panel')).toBe(true);
  await overlay.focus('button', 'Close escalations');
  await page.keyboard.press('Space');
  await overlay.waitFor('button', 'Escalations');
});

test('in the dark colour scheme every screen of an escalation still passes axe', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  const panel = await openPanelOn(page, extensionId, '/children/P100234');
  await expect(panel.getByTestId('record-id')).toHaveText('P100234');
  expect(await panel.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(23, 25, 28)');
  await workAnEscalation(panel, async () => {
    expect(await seriousAccessibilityViolations(panel)).toEqual([]);
  });
});

test('at 320 CSS pixels wide (WCAG reflow) a keyboard user works an escalation and nothing scrolls sideways', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 320, height: 720 });
  const panel = await openPanelOn(page, extensionId, '/children/P102417');
  await expect(panel.getByTestId('record-id')).toHaveText('P102417');
  const overflow = () =>
    panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await panel.evaluate(() => window.innerWidth)).toBeLessThanOrEqual(320);
  await workAnEscalation(
    panel,
    async () => {
      expect(await overflow()).toBe(0);
    },
    pressWithKeyboard,
  );
  expect(await overflow()).toBe(0);
});
