import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  type FirefoxSession,
  panelFrame,
  startEscalationFor,
  startFirefox,
  tabToOverlay,
  turnOnThisSite,
} from './firefox';

let firefox: FirefoxSession;

beforeAll(async () => {
  firefox = await startFirefox();
});

afterAll(async () => {
  await firefox?.close();
});

const HEADING = 'PROFESSIONAL DIFFERENCE OF OPINION - STAGE 1 - Pan Berkshire, March 2026';

const textOf = (frame: Frame, selector: string) =>
  frame.$eval(selector, (element) => element.textContent ?? '').catch(() => '');

async function waitForText(frame: Frame, selector: string, wanted: RegExp | string, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = await textOf(frame, selector);
    if (typeof wanted === 'string' ? text === wanted : wanted.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`"${selector}" says "${text}", not ${wanted}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Opens the panel from the launcher, by keyboard (the page cannot see inside
 * the overlay; neither can we), unless it opened by itself because an earlier
 * test left it open (its open state is remembered).
 */
async function openPanel(page: Page): Promise<Frame> {
  const open = await panelFrame(page, firefox.extensionHost, 1_000).catch(() => undefined);
  if (open && (await open.evaluate(() => window.innerWidth)) > 0) return open;
  await tabToOverlay(page);
  await page.keyboard.press('Enter');
  return panelFrame(page, firefox.extensionHost);
}

async function pressInPanel(panel: Frame, name: string) {
  const button = await panel.waitForSelector(`::-p-text(${name})`);
  await button?.click();
}

/** Opens the child's escalation in the panel and presses Insert; returns the exact text the panel showed. */
async function insertRecord(panel: Frame): Promise<string> {
  await waitForText(panel, '[data-testid=record-id]', 'P102417');
  await pressInPanel(panel, 'Open the escalation with');
  const preview = await panel.waitForSelector('textarea.preview');
  const text = (await preview?.evaluate((area) => (area as HTMLTextAreaElement).value)) ?? '';
  await pressInPanel(panel, 'Insert into case note');
  await waitForText(panel, '[role=status]', 'Inserted into the case note field.');
  return text;
}

test('enable the demo site; the panel shows the child and follows in-page navigation', async () => {
  const page = await firefox.browser.newPage();
  await page.goto(`${firefox.demoUrl}/children/P100234`);
  await turnOnThisSite(firefox, page);
  const panel = await openPanel(page);
  await waitForText(panel, '[data-testid=record-id]', 'P100234');

  await page.click('a[href="/children/P100871"]');
  await page.waitForFunction(() => document.querySelector('.person-id')?.textContent === 'P100871');
  const started = Date.now();
  await waitForText(panel, '[data-testid=record-id]', 'P100871', 500);
  expect(Date.now() - started).toBeLessThan(500);
  await page.close();
});

/**
 * Clicks into a case-note field as the practitioner does, and checks the click reached it: the panel,
 * docked over the right of the page, takes any click on the part of a field it covers.
 */
async function clickInto(page: Page, selector: string) {
  await page.click(selector);
  expect(await page.$eval(selector, (element) => element === document.activeElement)).toBe(true);
}

test.each([
  [
    'a textarea',
    '/notes',
    '#note',
    (page: Page) => page.$eval('#note', (note) => (note as HTMLTextAreaElement).value),
  ],
  [
    'a contenteditable editor',
    '/notes-rich',
    '.rich-editor',
    (page: Page) => page.$eval('.rich-editor', (editor) => editor.textContent ?? ''),
  ],
])('inserts into %s and the host page saves it', async (_, section, field, readBack) => {
  const page = await firefox.browser.newPage();
  await page.goto(`${firefox.demoUrl}/children/P102417${section}`);
  await turnOnThisSite(firefox, page);
  await startEscalationFor(firefox, page, 'P102417');
  await clickInto(page, field);
  await page.keyboard.type('Note: ');
  const text = await insertRecord(await openPanel(page));
  expect(text.startsWith(HEADING)).toBe(true);
  expect(await readBack(page)).toContain(`Note: ${HEADING}`);

  await page.click('button[type=submit]');
  await page.waitForSelector('.saved-notes li');
  expect(await page.$eval('.saved-notes', (list) => list.textContent)).toContain(HEADING);
});

test('inserts into an editor inside a same-origin frame', async () => {
  const page = await firefox.browser.newPage();
  await page.goto(`${firefox.demoUrl}/children/P102417/notes-frame`);
  await turnOnThisSite(firefox, page);
  await startEscalationFor(firefox, page, 'P102417');
  const editorFrame = await (await page.waitForSelector('iframe.editor-frame'))?.contentFrame();
  await editorFrame?.click('body');
  expect(await page.$eval('iframe.editor-frame', (frame) => frame === document.activeElement)).toBe(true);
  await page.keyboard.type('Framed: ');
  await insertRecord(await openPanel(page));
  expect(await editorFrame?.$eval('body', (body) => body.textContent)).toContain(`Framed: ${HEADING}`);
});

test('the host page cannot read the panel, nor trigger an insertion', async () => {
  const page = await firefox.browser.newPage();
  await page.goto(`${firefox.demoUrl}/children/P100234/notes`);
  await turnOnThisSite(firefox, page);
  await clickInto(page, '#note');
  const panel = await openPanel(page);
  await waitForText(panel, '[data-testid=record-id]', 'P100234');

  const seen = await page.evaluate(async () => {
    const host = document.documentElement.lastElementChild as HTMLElement;
    const attempt = { type: 'overlay/insert', payload: { text: 'FORGED' } };
    window.postMessage(attempt, '*');
    for (let index = 0; index < window.length; index++) window.frames[index]?.postMessage(attempt, '*');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const readable = Array.from({ length: window.length }, (_, index) => {
      try {
        return window.frames[index]?.document.body.innerHTML ?? '';
      } catch {
        return '';
      }
    }).filter((html) => html !== '');
    return {
      shadowRoot: host.shadowRoot,
      readable,
      note: (document.querySelector('#note') as HTMLTextAreaElement).value,
      mentions: document.documentElement.innerHTML.includes('PROFESSIONAL DIFFERENCE'),
    };
  });
  expect(seen).toEqual({ shadowRoot: null, readable: [], note: '', mentions: false });
});
