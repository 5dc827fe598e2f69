import { expect, openPanelOn, test } from './fixtures';

test('enable the demo site, open a record, the panel shows that child and follows in-page navigation', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  const panel = await openPanelOn(page, extensionId, '/children/P100234');
  await expect(panel.getByTestId('record-id')).toHaveText('P100234');
  await expect(panel.getByText('Amelia Hartwell')).toBeVisible();

  await page.getByRole('link', { name: /Jayden Okonkwo-Reid/ }).click();
  await expect(page.getByRole('heading', { name: 'Jayden Okonkwo-Reid' })).toBeVisible();
  await expect(panel.getByTestId('record-id')).toHaveText('P100871', { timeout: 500 });
});
