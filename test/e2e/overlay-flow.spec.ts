import { expect, panelFrame, test, turnOnThisSite } from './fixtures';
import { OverlayControls } from './overlay';

test('enable the demo site, open a record, the panel shows that child and follows in-page navigation', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto('/children/P100234');
  await turnOnThisSite(page, extensionId);

  const overlay = await OverlayControls.attach(page);
  await overlay.click('button', 'Escalations');
  const panel = await panelFrame(page, extensionId);
  await expect(panel.getByTestId('record-id')).toHaveText('P100234');
  await expect(panel.getByText('Amelia Hartwell')).toBeVisible();

  await page.getByRole('link', { name: /Jayden Okonkwo-Reid/ }).click();
  await expect(page.getByRole('heading', { name: 'Jayden Okonkwo-Reid' })).toBeVisible();
  await expect(panel.getByTestId('record-id')).toHaveText('P100871', { timeout: 500 });
});
