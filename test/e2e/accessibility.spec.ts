import { seriousAccessibilityViolations } from './axe';
import { expect, panelFrame, test } from './fixtures';
import { OverlayControls } from './overlay';

test('the panel has no serious or critical accessibility violations', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto('/children/P100871');
  const overlay = await OverlayControls.attach(page);
  await overlay.click('button', 'Escalations');
  const panel = await panelFrame(page, extensionId);
  await expect(panel.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await seriousAccessibilityViolations(panel)).toEqual([]);
});

test('the launcher is reachable and operable by keyboard', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto('/children/P100871');
  const overlay = await OverlayControls.attach(page);
  await overlay.focus('button', 'Escalations');
  await page.keyboard.press('Enter');
  await panelFrame(page, extensionId);
  expect(await overlay.isPresent('button', 'Close escalations')).toBe(true);
  await overlay.focus('button', 'Close escalations');
  await page.keyboard.press('Space');
  await overlay.waitFor('button', 'Escalations');
});
