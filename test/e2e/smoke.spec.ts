import { expect, panelFrame, test } from './fixtures';
import { OverlayControls } from './overlay';

test('the launcher appears on a demo child record and opens the panel', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto('/children/P100234');
  await expect(page.getByRole('heading', { name: 'Amelia Hartwell' })).toBeVisible();

  const overlay = await OverlayControls.attach(page);
  await overlay.click('button', 'Escalations');

  const panel = await panelFrame(page, extensionId);
  await expect(panel.getByRole('heading', { name: 'Professional disagreement escalation' })).toBeVisible();
  expect(await overlay.isPresent('button', 'Close escalations')).toBe(true);
});

test('the host page cannot reach into the overlay', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('/children/P100234');
  const overlay = await OverlayControls.attach(page);
  await overlay.waitFor('button', 'Escalations');
  const reachable = await page.evaluate(() =>
    Array.from(document.querySelectorAll('*')).some(
      (element) => element.shadowRoot !== null || element.tagName === 'IFRAME',
    ),
  );
  expect(reachable).toBe(false);
});
