import { seriousAccessibilityViolations } from './axe';
import { expect, openPanelOn, test } from './fixtures';
import { clipboardText, insertFullRecord, startAnEscalation, workAnEscalation } from './practitioner-flow';

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
  expect(record).toMatch(/^PROFESSIONAL DIFFERENCE OF OPINION - STAGE 2 - Pan Berkshire, March 2026\n/);
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
  await expect(page.locator('.saved-notes li').last()).toContainText('STAGE 2 - Pan Berkshire');
});

test('a practitioner goes from step 1a straight to stage 3, then records the step-2 Business Manager notification', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  const panel = await openPanelOn(page, extensionId, '/children/P101552/notes');
  await expect(panel.getByTestId('record-id')).toHaveText('P101552');
  await startAnEscalation(panel, async () => {});

  await panel.getByRole('button', { name: 'Move ahead of the timescale (urgent)' }).click();
  const move = panel.getByRole('form', { name: 'Move ahead of the timescale' });
  // The practitioner decides with the procedure's own words in front of them.
  await expect(move).toContainText(
    'The procedure says: “Responding to professional disagreements will not always be a linear process, and in emergency cases it may be appropriate to escalate concerns more quickly than the timescales set out below.”',
  );
  await move.getByLabel('Move to').selectOption('3');
  const reason = 'New injuries seen today; the line managers are away and this cannot wait.';
  await move.getByLabel('Why this cannot wait for the timescale').fill(reason);
  await move.getByRole('button', { name: 'Move ahead' }).click();
  await expect(panel.getByText(/^Stage 3/).first()).toBeVisible();
  expect(await seriousAccessibilityViolations(panel)).toEqual([]);

  // Stage 2 was passed over, but its duty to tell the Business Manager still belongs to it.
  const step2 = panel.getByRole('region', { name: 'Duties at step 2' });
  await expect(step2.getByRole('heading', { name: 'Step 2 (passed over)' })).toBeVisible();
  const businessManager = step2
    .getByRole('listitem')
    .filter({
      hasText:
        'The details should also be shared with the Safeguarding Children Partnership Business Manager',
    })
    .first();
  await businessManager.getByRole('button', { name: 'Record as done' }).click();
  await businessManager.getByLabel('Who did it').fill('Priya Shah, Team Manager');
  await businessManager.getByRole('button', { name: 'Save as done' }).click();
  await expect(businessManager).toContainText('Done');
  await expect(businessManager).toContainText('by Priya Shah, Team Manager, by email');
  expect(await seriousAccessibilityViolations(panel)).toEqual([]);

  const note = page.getByLabel('New case note');
  await note.click();
  const record = await insertFullRecord(panel);
  expect(await note.inputValue()).toBe(record);
  expect(record).toMatch(/^PROFESSIONAL DIFFERENCE OF OPINION - STAGE 3 - Pan Berkshire, March 2026\n/);
  expect(record).toContain(`moved ahead of the timescale: ${reason}; passed over step 1b, step 2`);
  expect(record).toMatch(
    /- Step 2 \(step passed over\): The details should also be shared with the Safeguarding Children Partnership Business Manager as evidence of escalation\. – done [^\n]* by Priya Shah, Team Manager, by email/,
  );
  // Stage 3's own notification is a different duty, still to do.
  expect(record).toMatch(
    /- Step 3: The details should also be shared with the Safeguarding Children Partnership Business Manager as evidence of the escalation process\. – not recorded as done/,
  );
});
