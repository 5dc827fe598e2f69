import type { Frame, Page } from '@playwright/test';
import { expect, panelFrame, startEscalationFor, test, turnOnThisSite } from './fixtures';
import { OverlayControls } from './overlay';

const HEADING = 'PROFESSIONAL DIFFERENCE OF OPINION - STAGE 1 - Pan Berkshire, March 2026';

/** The demo child's record with an escalation started, and the panel open on it. */
async function openPanel(page: Page, extensionId: string, path: string): Promise<Frame> {
  await startEscalationFor(page.context(), extensionId, 'P102417');
  await page.goto(path);
  await turnOnThisSite(page, extensionId);
  const overlay = await OverlayControls.attach(page);
  await overlay.click('button', 'Escalations');
  return openEscalation(await panelFrame(page, extensionId));
}

async function openEscalation(panel: Frame): Promise<Frame> {
  await expect(panel.getByTestId('record-id')).toHaveText('P102417');
  await panel.getByRole('button', { name: /^Open the escalation with/ }).click();
  return panel;
}

/** Presses Insert and returns the exact text the panel showed for it. */
async function insert(panel: Frame): Promise<string> {
  const text = await panel.getByLabel(/^Exact text of the full record/).inputValue();
  await panel.getByRole('button', { name: 'Insert into case note' }).click();
  await expect(panel.getByRole('status')).toHaveText('Inserted into the case note field.');
  return text;
}

async function refusal(panel: Frame, reason: RegExp) {
  const alert = panel.getByRole('alert');
  await expect(alert).toContainText(reason);
  await expect(alert.getByRole('button', { name: 'Copy instead' })).toBeVisible();
}

test('inserts at the caret of a textarea, and the host page saves it', async ({ context, extensionId }) => {
  const page = await context.newPage();
  const panel = await openPanel(page, extensionId, '/children/P102417/notes');
  const note = page.getByLabel('New case note');
  await note.fill('Spoke to the school. ');
  const text = await insert(panel);
  expect(text.startsWith(HEADING)).toBe(true);
  expect(await note.inputValue()).toBe(`Spoke to the school. ${text}`);

  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.locator('.saved-notes li').last()).toContainText(HEADING);
});

test('inserts into a contenteditable editor as if typed', async ({ context, extensionId }) => {
  const page = await context.newPage();
  const panel = await openPanel(page, extensionId, '/children/P102417/notes-rich');
  const editor = page.getByRole('textbox', { name: 'New case note' });
  await editor.click();
  await page.keyboard.type('Visit today. ');
  const inputEvents = await page.evaluateHandle(() => {
    const seen: string[] = [];
    document.querySelector('.rich-editor')?.addEventListener('input', (event) => {
      seen.push((event as InputEvent).inputType);
    });
    return seen;
  });
  await insert(panel);
  await expect(editor).toContainText(`Visit today. ${HEADING}`);
  expect(await inputEvents.jsonValue()).toContain('insertText');

  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.locator('.saved-notes li').last()).toContainText(HEADING);
});

test('inserts into an editor inside a same-origin frame', async ({ context, extensionId }) => {
  const page = await context.newPage();
  const panel = await openPanel(page, extensionId, '/children/P102417/notes-frame');
  const editor = page.frameLocator('iframe.editor-frame').locator('body');
  await editor.click();
  await page.keyboard.type('Framed editor. ');
  await insert(panel);
  await expect(editor).toContainText(`Framed editor. ${HEADING}`);

  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.locator('.saved-notes li').last()).toContainText(HEADING);
});

test('with no field focused, nothing is inserted and Copy is offered', async ({ context, extensionId }) => {
  const page = await context.newPage();
  const panel = await openPanel(page, extensionId, '/children/P102417/notes');
  await panel.getByRole('button', { name: 'Insert into case note' }).click();
  await refusal(panel, /Not inserted: no case-note field was selected/);
  expect(await page.getByLabel('New case note').inputValue()).toBe('');
});

test('refuses to insert while the host page fades or covers the panel', async ({ context, extensionId }) => {
  const page = await context.newPage();
  const panel = await openPanel(page, extensionId, '/children/P102417/notes');
  await page.getByLabel('New case note').click();

  // The page fades the overlay's host element (the only part of it the page can reach).
  await page.evaluate(() => {
    const host = document.documentElement.lastElementChild as HTMLElement;
    host.style.opacity = '0.01';
  });
  await panel.getByRole('button', { name: 'Insert into case note' }).click();
  await refusal(panel, /Not inserted: the page has made the panel see-through/);

  await page.evaluate(() => {
    (document.documentElement.lastElementChild as HTMLElement).style.opacity = '';
    const cover = document.createElement('div');
    cover.id = 'cover';
    // Clicks pass through to the panel while the page's own picture is all the practitioner sees.
    cover.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:#fff';
    document.documentElement.append(cover);
  });
  await panel.getByRole('button', { name: 'Insert into case note' }).click({ force: true });
  await refusal(panel, /Not inserted: something on the page is covering the panel/);
  expect(await page.getByLabel('New case note').inputValue()).toBe('');
});

test('inserts on a page where the background ran the overlay once the page had loaded', async ({
  context,
  extensionId,
}) => {
  await startEscalationFor(context, extensionId, 'P102417');
  const page = await context.newPage();
  await page.goto('/children/P102417/notes');
  await turnOnThisSite(page, extensionId);
  await page.reload();
  const overlay = await OverlayControls.attach(page);
  await overlay.waitFor('button', 'Escalations');
  const note = page.getByLabel('New case note');
  await note.click();
  await overlay.click('button', 'Escalations');
  const panel = await openEscalation(await panelFrame(page, extensionId));
  const text = await insert(panel);
  expect(await note.inputValue()).toBe(text);
});
