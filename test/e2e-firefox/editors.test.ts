import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EDITORS_PAGE, EMPTY_PARAGRAPH, editorCases, readBackProblem, TYPED } from '../e2e/editor-cases';
import {
  type FirefoxSession,
  panelFrame,
  startEscalationFor,
  startFirefox,
  tabToOverlay,
  turnOnThisSite,
} from './firefox';

// Insertion into the editors case-record systems embed, in Firefox, each read back through the
// editor's own API once it settled (the Chromium half: test/e2e/editors.spec.ts).

let firefox: FirefoxSession;

beforeAll(async () => {
  firefox = await startFirefox();
  // The panel is opened once, by keyboard, on a short page: on the editors page Tab would stop in an
  // editor that takes it (Quill types a tab). Its open state is remembered for the pages after.
  const page = await firefox.browser.newPage();
  await page.goto(`${firefox.demoUrl}/children/P102417/notes`);
  await turnOnThisSite(firefox, page);
  await startEscalationFor(firefox, page, 'P102417');
  await tabToOverlay(page);
  await page.keyboard.press('Enter');
  await panelFrame(page, firefox.extensionHost);
  await page.close();
});

afterAll(async () => {
  await firefox?.close();
});

type EditorsPage = { editors?: Record<string, { text(): string; html?(): string }> };
const readText = (page: Page, id: string) =>
  page.evaluate((name) => (window as unknown as EditorsPage).editors?.[name]?.text() ?? '', id);
const readHtml = (page: Page, id: string) =>
  page.evaluate((name) => (window as unknown as EditorsPage).editors?.[name]?.html?.() ?? '', id);

async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeout = 10_000,
) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The panel, open by itself since beforeAll opened it, on the child's escalation. */
async function escalationPanel(page: Page): Promise<Frame> {
  const shown = await panelFrame(page, firefox.extensionHost);
  await waitFor(
    () => shown.$eval('[data-testid=record-id]', (element) => element.textContent).catch(() => ''),
    (id) => id === 'P102417',
    'the panel’s child',
  );
  await (await shown.waitForSelector('::-p-text(Open the escalation with)'))?.click();
  return shown;
}

for (const editor of editorCases) {
  for (const typed of [undefined, TYPED]) {
    test(`${editor.id}: inserts the record ${typed ? 'after typed text' : 'into an empty editor'}, read back through its API`, async () => {
      const page = await firefox.browser.newPage();
      await page.goto(`${firefox.demoUrl}${EDITORS_PAGE}`);
      await waitFor(
        () => page.evaluate((name) => name in ((window as unknown as EditorsPage).editors ?? {}), editor.id),
        Boolean,
        `${editor.id} ready`,
      );
      const panel = await escalationPanel(page);
      const frame = editor.frame
        ? await (await page.waitForSelector(editor.frame))?.contentFrame()
        : page.mainFrame();
      if (!frame) throw new Error(`No frame for ${editor.id}`);
      const field = await frame.waitForSelector(editor.field);
      await field?.scrollIntoView();
      await field?.click();
      if (typed) {
        await page.keyboard.type(typed);
        await waitFor(
          () => readText(page, editor.id),
          (text) => text.includes(typed),
          'the typed text',
        );
      }

      const preview = await panel.waitForSelector('textarea.preview');
      const record = (await preview?.evaluate((area) => (area as HTMLTextAreaElement).value)) ?? '';
      await (await panel.waitForSelector('::-p-text(Insert into case note)'))?.click();
      const said = await waitFor(
        () => panel.$eval('[role=status]', (status) => status.textContent ?? '').catch(() => ''),
        (text) => text !== '',
        'the panel’s answer',
      ).catch(async () => panel.$eval('[role=alert]', (alert) => alert.textContent ?? '').catch(() => ''));
      expect(said).toBe('Inserted into the case note field.');
      expect(readBackProblem(record, await readText(page, editor.id), typed)).toBeUndefined();
      // Still there once any redraw from the editor's own model has come and gone.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(readBackProblem(record, await readText(page, editor.id), typed)).toBeUndefined();
      if (editor.html) expect(await readHtml(page, editor.id)).not.toMatch(EMPTY_PARAGRAPH);
      await page.close();
    });
  }
}

test('an editor that does not keep the text: the panel says so, and Ctrl+V pastes the record', async () => {
  const page = await firefox.browser.newPage();
  await page.goto(`${firefox.demoUrl}${EDITORS_PAGE}`);
  await waitFor(
    () => page.evaluate(() => 'react' in ((window as unknown as EditorsPage).editors ?? {})),
    Boolean,
    'the page ready',
  );
  const panel = await escalationPanel(page);
  await page.click('#reverting');
  const preview = await panel.waitForSelector('textarea.preview');
  const record = (await preview?.evaluate((area) => (area as HTMLTextAreaElement).value)) ?? '';
  await (await panel.waitForSelector('::-p-text(Insert into case note)'))?.click();
  const alert = await waitFor(
    () => panel.$eval('[role=alert]', (element) => element.textContent ?? '').catch(() => ''),
    (text) => text !== '',
    'the panel’s answer',
  );
  expect(alert).toContain(
    'Not inserted: this case-note editor did not take the text. The text is copied: click in the case note and paste it with Ctrl+V',
  );
  expect(await readText(page, 'reverting')).toBe('');
  // The practitioner's way round: paste it themselves, here into the React-controlled note.
  await page.click('#react-note');
  await page.keyboard.down('Control');
  await page.keyboard.press('v');
  await page.keyboard.up('Control');
  await waitFor(
    () => readText(page, 'react'),
    (text) => text === record,
    'the pasted record',
  );
  await page.close();
});
