import type { Frame, Page } from '@playwright/test';
import { expect, panelFrame, startEscalationFor, test, turnOnThisSite } from './fixtures';
import { OverlayControls } from './overlay';

/**
 * The hostile-host fixture: a demo notes page whose own script (test/demo-site/public/hostile.js)
 * replaces globals before the overlay arrives, reads everything it can reach, forges messages and
 * fades or covers the panel. Whatever it does, it must learn nothing the panel shows and cause no
 * insertion; the overlay must still work for the practitioner.
 */

/** In the escalation's concern and the panel, never on the host page itself. */
const PANEL_ONLY = 'Unexplained bruise on the left forearm';
const HOSTILE_NOTES = '/children/P102417/notes-hostile';

interface Findings {
  readText: string[];
  messages: string[];
  framesRead: number;
  shadowRootsOpened: number;
  sentToExtension: number;
}

type Attack = 'forge' | 'readEverything' | 'fade' | 'cover' | 'stop';

interface HostileWindow {
  hostile: Record<Attack, () => void> & { findings: Findings };
}

/** Has the page's own attacking script do one thing. */
const attack = (page: Page, what: Attack) =>
  page.evaluate((name) => (window as unknown as HostileWindow).hostile[name](), what);

async function openOnHostilePage(page: Page, extensionId: string): Promise<Frame> {
  await startEscalationFor(page.context(), extensionId, 'P102417');
  await page.goto(HOSTILE_NOTES);
  await turnOnThisSite(page, extensionId);
  const overlay = await OverlayControls.attach(page);
  await overlay.click('button', 'Escalations');
  const panel = await panelFrame(page, extensionId);
  await expect(panel.getByTestId('record-id')).toHaveText('P102417');
  await panel.getByRole('button', { name: /^Open the escalation with/ }).click();
  await expect(panel.getByText(PANEL_ONLY)).toBeVisible();
  return panel;
}

test('the hostile page learns nothing the panel shows, and its forged messages insert nothing', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await openOnHostilePage(page, extensionId);
  const note = page.getByLabel('New case note');
  await note.click();

  await attack(page, 'forge');
  await attack(page, 'readEverything');
  const findings = await page.evaluate(() => (window as unknown as HostileWindow).hostile.findings);

  expect(findings.readText.join('\n')).not.toContain(PANEL_ONLY);
  expect(findings.messages.join('\n')).not.toContain(PANEL_ONLY);
  // Only the page's own forgeries went through its window; the extension posts nothing there.
  expect(findings.messages.every((message) => message.includes('FORGED'))).toBe(true);
  expect(findings).toMatchObject({ framesRead: 0, shadowRootsOpened: 0, sentToExtension: 0 });
  await page.waitForTimeout(300);
  expect(await note.inputValue()).toBe('');
});

test('Insert is refused while the hostile page fades or covers the panel, and works once it stops', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  const panel = await openOnHostilePage(page, extensionId);
  const note = page.getByLabel('New case note');
  const insertButton = panel.getByRole('button', { name: 'Insert into case note' });
  await note.click();

  await attack(page, 'fade');
  await insertButton.click({ force: true });
  await expect(panel.getByRole('alert')).toContainText(
    'Not inserted: the page has made the panel see-through',
  );

  await attack(page, 'stop');
  await attack(page, 'cover');
  await insertButton.click({ force: true });
  await expect(panel.getByRole('alert')).toContainText(
    'Not inserted: something on the page is covering the panel',
  );
  expect(await note.inputValue()).toBe('');

  // The page's replaced globals never reached the content script: with the page quiet, it inserts.
  await attack(page, 'stop');
  await note.click();
  const record = await panel.getByLabel(/^Exact text of the full record/).inputValue();
  await insertButton.click();
  await expect(panel.getByRole('status')).toHaveText('Inserted into the case note field.');
  expect(await note.inputValue()).toBe(record);
});
