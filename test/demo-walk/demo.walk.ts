import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, panelFrame, test, turnOnThisSite } from '../e2e/fixtures';
import { OverlayControls } from '../e2e/overlay';
import { insertFullRecord, workAnEscalation } from '../e2e/practitioner-flow';

const screenshots = resolve(process.env.DEMO_SCREENSHOTS ?? 'demo-screenshots');

test('walk the demo: find a child, open the panel beside their record, work an escalation, insert the record', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const shoot = (name: string) => page.screenshot({ path: `${screenshots}/${name}.png` });

  await page.goto('/children');
  await page.getByLabel('Search by name or person ID').fill('Maisie');
  await page.getByRole('button', { name: 'Search' }).click();
  await shoot('01-children-search');

  await page.getByRole('link', { name: 'Maisie Thornbury' }).click();
  await expect(page.getByRole('heading', { name: 'Maisie Thornbury' })).toBeVisible();
  // The practitioner turns the overlay on for their case-record system once, from the toolbar.
  await turnOnThisSite(page, extensionId);
  await page.getByRole('link', { name: 'Case notes', exact: true }).click();
  await shoot('02-child-record');

  const overlay = await OverlayControls.attach(page);
  await overlay.click('button', 'Escalations');
  const panel = await panelFrame(page, extensionId);
  await expect(panel.getByTestId('record-id')).toHaveText('P101552');
  await shoot('03-escalation-panel');

  await workAnEscalation(panel, shoot);

  await page.getByLabel('New case note').click();
  const record = await insertFullRecord(panel);
  await shoot('10-record-inserted');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.locator('.saved-notes li').last()).toContainText('STAGE 2');
  await shoot('11-case-note-saved');
  writeFileSync(`${screenshots}/case-note.txt`, `${record}\n`);
});
