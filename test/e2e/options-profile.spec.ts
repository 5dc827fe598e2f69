import { seriousAccessibilityViolations } from './axe';
import { expect, openPanelOn, test } from './fixtures';

test('your details saved on the options page fill in a new escalation in the panel', async ({
  context,
  extensionId,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const details = options.getByRole('region', { name: 'Your details' });
  await details.getByLabel('Your name').fill('Sam Patel');
  await details.getByLabel('Your role').fill('Social Worker');
  await details.getByLabel('Your agency').fill('Reading Children’s Services');
  await details.getByLabel(/^Your phone or email/).fill('sam.patel@reading.gov.uk');
  await details.getByRole('button', { name: 'Save your details' }).click();
  await expect(details.getByRole('status').first()).toHaveText(
    'Your details are saved. New escalations will start with them.',
  );

  const page = await context.newPage();
  const panel = await openPanelOn(page, extensionId, '/children/P100871');
  await expect(panel.getByTestId('record-id')).toHaveText('P100871');
  await panel.getByRole('button', { name: 'Start an escalation' }).click();
  await panel.getByRole('button', { name: 'No', exact: true }).click();
  await expect(panel.getByLabel('Your name')).toHaveValue('Sam Patel');
  await expect(panel.getByLabel('Your role')).toHaveValue('Social Worker');
  await expect(panel.getByLabel('Your agency')).toHaveValue('Reading Children’s Services');
  await expect(panel.getByLabel(/^Your phone or email/)).toHaveValue('sam.patel@reading.gov.uk');
});

test('every section of the options page has no serious or critical accessibility violations', async ({
  context,
  extensionId,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const links = options.getByRole('navigation', { name: 'Settings sections' }).getByRole('link');
  await expect(links.first()).toBeVisible();
  for (const link of await links.all()) {
    const id = (await link.getAttribute('href'))?.slice(1) ?? '';
    await expect(options.locator(`[id="${id}"] h2`)).toBeVisible();
  }
  expect(await seriousAccessibilityViolations(options)).toEqual([]);

  // With a contact saved (so "Remove" is offered) and another refused, messages and all.
  const contacts = options.getByRole('region', { name: 'Contacts' });
  const lineManager = contacts.getByRole('group', { name: 'Your line manager' });
  await lineManager.getByLabel('Name (optional)').fill('Jo Okafor');
  await lineManager.getByRole('button', { name: 'Save your line manager' }).click();
  await expect(
    lineManager.getByRole('button', { name: 'Remove the contact for your line manager' }),
  ).toBeVisible();
  const lead = contacts.getByRole('group', { name: 'Your Safeguarding Lead' });
  await lead.getByLabel('Email (optional)').fill('dana.reid@');
  await lead.getByRole('button', { name: 'Save your Safeguarding Lead' }).click();
  await expect(lead.getByLabel('Email (optional)')).toBeFocused();
  expect(await seriousAccessibilityViolations(options)).toEqual([]);
});
