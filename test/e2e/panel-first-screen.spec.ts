import { expect, openPanelOn, startEscalationFor, test } from './fixtures';
import { OTHER_AGENCY } from './practitioner-flow';

test('the panel opens on the child’s own escalations, and Open and Start work straight away', async ({
  context,
  extensionId,
}) => {
  await startEscalationFor(context, extensionId, 'P100234');
  // Another child's escalation: never on this child's screen.
  await startEscalationFor(context, extensionId, 'P102417');
  const page = await context.newPage();
  const panel = await openPanelOn(page, extensionId, '/children/P100234');

  await expect(panel.getByRole('heading', { name: 'Escalations for Record P100234' })).toBeVisible();
  await expect(panel.locator('.escalation-list > li')).toHaveCount(1);
  // Pressed as soon as the list shows: the escalation's screen comes, loaded now if it is not yet here.
  await panel.getByRole('button', { name: `Open the escalation with ${OTHER_AGENCY}` }).click();
  await expect(panel.getByRole('heading', { name: `Escalation with ${OTHER_AGENCY}` })).toBeFocused();
  await expect(panel.getByText(/Record P100234, Demo Case Record System/)).toBeVisible();

  await panel.getByRole('button', { name: 'All escalations for this child' }).click();
  await expect(panel.getByRole('heading', { name: 'Escalations for Record P100234' })).toBeFocused();
  await panel.getByRole('button', { name: 'Start another escalation' }).click();
  await expect(panel.getByRole('heading', { name: 'Start an escalation' })).toBeFocused();
  await expect(panel.getByRole('button', { name: 'No', exact: true })).toBeVisible();
});

test('the panel’s list follows an escalation started elsewhere for this child, and only this child', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  const panel = await openPanelOn(page, extensionId, '/children/P100871');
  await expect(panel.getByText('No escalation has been started for this child.')).toBeVisible();

  await startEscalationFor(context, extensionId, 'P102417');
  await startEscalationFor(context, extensionId, 'P100871');
  await expect(panel.locator('.escalation-list > li')).toHaveCount(1);
  await expect(panel.getByText('No escalation has been started for this child.')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Start another escalation' })).toBeVisible();
});
