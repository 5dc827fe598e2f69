import type { BrowserContext, Frame, Page } from '@playwright/test';
import { EDITORS_PAGE, EMPTY_PARAGRAPH, editorCases, readBackProblem, TYPED } from './editor-cases';
import {
  expect,
  extensionReady,
  launchWithExtension,
  newProfile,
  panelFrame,
  startEscalationFor,
  test,
  turnOnThisSite,
} from './fixtures';
import { OverlayControls } from './overlay';

// Insertion into the editors case-record systems embed, each read back through its own API after it
// settled. One Chromium for the whole file: the editors page is large and each test only inserts.

let context: BrowserContext;
let extensionId: string;

test.beforeAll(async () => {
  context = await launchWithExtension(newProfile());
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await extensionReady(worker);
  extensionId = new URL(worker.url()).host;
  await startEscalationFor(context, extensionId, 'P102417');
  const page = await context.newPage();
  await page.goto(EDITORS_PAGE);
  await turnOnThisSite(page, extensionId);
  await page.close();
});

test.afterAll(async () => {
  await context?.close();
});

/** Opens the panel from the launcher, unless it opened by itself because the last test left it open. */
async function openPanel(page: Page): Promise<Frame> {
  let panel = await panelFrame(page, extensionId).catch(() => undefined);
  if (!panel || !(await panel.evaluate(() => window.innerWidth > 0))) {
    const overlay = await OverlayControls.attach(page);
    await overlay.click('button', 'Escalations');
    panel = await panelFrame(page, extensionId);
  }
  await expect(panel.getByTestId('record-id')).toHaveText('P102417', { timeout: 15_000 });
  await panel.getByRole('button', { name: /^Open the escalation with/ }).click();
  return panel;
}

const readText = (page: Page, id: string) =>
  page.evaluate((name) => (window as unknown as EditorsPage).editors[name]?.text() ?? '', id);
const readHtml = (page: Page, id: string) =>
  page.evaluate((name) => (window as unknown as EditorsPage).editors[name]?.html?.() ?? '', id);
type EditorsPage = { editors: Record<string, { text(): string; html?(): string }> };

for (const editor of editorCases) {
  for (const typed of [undefined, TYPED]) {
    test(`${editor.id}: inserts the record ${typed ? 'after typed text' : 'into an empty editor'}, read back through its API`, async () => {
      test.setTimeout(60_000);
      const page = await context.newPage();
      await page.goto(EDITORS_PAGE);
      await expect
        .poll(() =>
          page.evaluate((name) => name in ((window as unknown as EditorsPage).editors ?? {}), editor.id),
        )
        .toBe(true);
      const panel = await openPanel(page);
      const field = (editor.frame ? page.frameLocator(editor.frame) : page).locator(editor.field);
      await field.click();
      if (typed) await page.keyboard.type(typed);
      await expect.poll(() => readText(page, editor.id)).toContain(typed ?? '');

      const record = await panel.getByLabel(/^Exact text of the full record/).inputValue();
      await panel.getByRole('button', { name: 'Insert into case note' }).click();
      await expect(panel.getByRole('status')).toHaveText('Inserted into the case note field.');
      expect(readBackProblem(record, await readText(page, editor.id), typed)).toBeUndefined();
      // Still there once any redraw from the editor's own model has come and gone.
      await page.waitForTimeout(1_000);
      expect(readBackProblem(record, await readText(page, editor.id), typed)).toBeUndefined();
      if (editor.html) expect(await readHtml(page, editor.id)).not.toMatch(EMPTY_PARAGRAPH);
      await page.close();
    });
  }
}

test('an editor that does not keep the text: the panel says so and the record is on the clipboard', async () => {
  test.setTimeout(60_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto(EDITORS_PAGE);
  await expect
    .poll(() => page.evaluate(() => 'reverting' in ((window as unknown as EditorsPage).editors ?? {})))
    .toBe(true);
  const panel = await openPanel(page);
  await page.locator('#reverting').click();
  const record = await panel.getByLabel(/^Exact text of the full record/).inputValue();
  await panel.getByRole('button', { name: 'Insert into case note' }).click();
  const alert = panel.getByRole('alert');
  await expect(alert).toContainText(
    'Not inserted: this case-note editor did not take the text. The text is copied: click in the case note and paste it with Ctrl+V',
  );
  await expect(panel.getByRole('status')).toHaveText('');
  expect(await readText(page, 'reverting')).toBe('');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(record);
  await page.close();
});
