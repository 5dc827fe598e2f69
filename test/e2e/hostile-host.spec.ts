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
  events: string[];
  replayed: number;
}

type Attack = 'forge' | 'readEverything' | 'fade' | 'cover' | 'stop';

interface HostileWindow {
  hostile: Record<Attack, () => void> & {
    findings: Findings;
    replay(extensionId: string): void;
    listenFor(types: string[]): void;
  };
}

const findingsOf = (page: Page) =>
  page.evaluate(() => structuredClone((window as unknown as HostileWindow).hostile.findings));

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

test('a page that replays every message and event it heard, and dispatches lookalikes, leaves the overlay working; the extension posted nothing to it', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await startEscalationFor(context, extensionId, 'P102417');
  await page.goto(HOSTILE_NOTES);
  // The names WXT's content-script start-up used, which a page can work out from the public extension id.
  const wxtStarted = ['content', 'overlay'].map(
    (name) => `${extensionId}:${name}:wxt:content-script-started`,
  );
  await page.evaluate((types) => (window as unknown as HostileWindow).hostile.listenFor(types), wxtStarted);
  await turnOnThisSite(page, extensionId);
  const overlay = await OverlayControls.attach(page);
  await overlay.click('button', 'Escalations');
  const panel = await panelFrame(page, extensionId);
  await expect(panel.getByTestId('record-id')).toHaveText('P102417');
  await panel.getByRole('button', { name: /^Open the escalation with/ }).click();
  const note = page.getByLabel('New case note');
  await note.click();

  // Everything the page heard while the overlay started and the practitioner worked: nothing of ours.
  const heard = await findingsOf(page);
  expect(heard.messages).toEqual([]);
  expect(heard.events.filter((type) => type.includes(extensionId) || type.includes('wxt'))).toEqual([]);
  expect(heard.events.length).toBeGreaterThan(0);

  await page.evaluate((id) => (window as unknown as HostileWindow).hostile.replay(id), extensionId);
  const after = await findingsOf(page);
  expect(after.replayed).toBeGreaterThan(heard.events.length);
  // Longer than the overlay takes to notice it has been orphaned, had anything made it think so.
  await page.waitForTimeout(1_500);

  // The launcher, the panel and Insert all still work, and the page heard nothing more from us.
  expect(await overlay.isPresent('button', 'Close escalations')).toBe(true);
  await expect(panel.getByTestId('record-id')).toHaveText('P102417');
  await note.click();
  const record = await panel.getByLabel(/^Exact text of the full record/).inputValue();
  await panel.getByRole('button', { name: 'Insert into case note' }).click();
  await expect(panel.getByRole('status')).toHaveText('Inserted into the case note field.');
  expect(await note.inputValue()).toBe(record);
  const last = await findingsOf(page);
  expect(last.messages.every((message) => message.includes('FORGED'))).toBe(true);
  expect(last.messages.join('\n')).not.toContain(PANEL_ONLY);
});
