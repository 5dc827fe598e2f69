import { seriousAccessibilityViolations } from './axe';
import { expect, openPanelOn, test } from './fixtures';
import { clipboardText, insertFullRecord, workAnEscalation } from './practitioner-flow';

test('a practitioner works an escalation to stage 2 and puts the exact record in the case note', async ({
  context,
  extensionId,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const page = await context.newPage();
  const panel = await openPanelOn(page, extensionId, '/children/P101552/notes');
  await expect(panel.getByTestId('record-id')).toHaveText('P101552');

  // Every screen of the flow is scanned as it is reached.
  await workAnEscalation(panel, async () => {
    expect(await seriousAccessibilityViolations(panel)).toEqual([]);
  });

  const note = page.getByLabel('New case note');
  await note.click();
  const record = await insertFullRecord(panel);
  expect(record).toMatch(/^PROFESSIONAL DIFFERENCE OF OPINION – STAGE 2 – Pan Berkshire, March 2026\n/);
  expect(record).toContain('DISCUSSION 2 – STAGE 1, STEP 1B');
  expect(record).toMatch(
    /The details should also be shared with the Safeguarding Children Partnership Business Manager.* – done/,
  );
  expect(await note.inputValue()).toBe(record);

  await panel.getByRole('button', { name: 'Copy full record' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Copied' })).toHaveText(
    `Copied ${record.length.toLocaleString('en-GB')} characters.`,
  );
  expect(await clipboardText(page)).toBe(record);

  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.locator('.saved-notes li').last()).toContainText('STAGE 2 – Pan Berkshire');
});
