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

/**
 * The page changes child while its case-note form stays: by pushState with the header redrawn
 * 150 ms later, or by redrawing the header band alone. The other child's band comes from the demo site.
 */
async function changeChild(page: Page, id: string, push: boolean) {
  await page.evaluate(
    async (id, push) => {
      const html = await (await fetch(`/children/${id}/notes`)).text();
      const band = new DOMParser().parseFromString(html, 'text/html').querySelector('.person-header');
      const redraw = () =>
        band && document.querySelector('.person-header')?.replaceWith(document.importNode(band, true));
      if (push) {
        history.pushState({}, '', `/children/${id}/notes`);
        setTimeout(redraw, 150);
      } else {
        redraw();
      }
    },
    id,
    push,
  );
}

/** Ruby's notes page, her escalation open in the panel, the note field used; returns the panel and its Insert button. */
async function readyToInsert() {
  const page = await firefox.browser.newPage();
  await page.goto(`${firefox.demoUrl}/children/P102417/notes`);
  await turnOnThisSite(firefox, page);
  await startEscalationFor(firefox, page, 'P102417');
  await clickInto(page, '#note');
  const panel = await openPanel(page);
  await waitForText(panel, '[data-testid=record-id]', 'P102417');
  await pressInPanel(panel, 'Open the escalation with');
  const insert = await panel.waitForSelector('::-p-text(Insert into case note)');
  if (!insert) throw new Error('No Insert button');
  // Which button a press landed on: the panel may have followed the page to the other child first.
  await panel.evaluate(() => {
    document.addEventListener('click', (event) => {
      const button = (event.target as Element | null)?.closest('button');
      document.body.dataset.pressed = button?.textContent ?? '';
    });
  });
  const pressInsert = async () => {
    await insert.click().catch(() => undefined);
    return (await panel.evaluate(() => document.body.dataset.pressed)) === 'Insert into case note';
  };
  return { page, panel, pressInsert };
}

const noteValue = (page: Page) => page.$eval('#note', (note) => (note as HTMLTextAreaElement).value);

test.each([0, 30, 60, 100])(
  "pushState to another child, Insert %i ms later: nothing goes into the other child's note",
  async (delayMs) => {
    const { page, panel, pressInsert } = await readyToInsert();
    await changeChild(page, 'P100871', true);
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (await pressInsert())
      await waitForText(panel, '[role=alert]', /not inserted: the page now shows the record of .*P100871/i);
    await waitForText(panel, '[data-testid=record-id]', 'P100871');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await noteValue(page)).toBe('');
    await page.close();
  },
);

test('a header band swapped for another child with no change of address: the panel follows within 500 ms, and nothing goes in', async () => {
  const { page, panel, pressInsert } = await readyToInsert();
  const address = page.url();
  await changeChild(page, 'P100871', false);
  const swappedAt = Date.now();
  expect(await pressInsert()).toBe(true);
  await waitForText(panel, '[data-testid=record-id]', 'P100871', 500);
  expect(Date.now() - swappedAt).toBeLessThan(500);
  await waitForText(
    panel,
    '[role=alert]',
    /^The record for P102417 was not inserted: the page now shows the record of Jayden Okonkwo-Reid \(P100871\)/,
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await noteValue(page)).toBe('');
  expect(page.url()).toBe(address);
  await page.close();
});

test('a page that replays every message and event it heard, and dispatches lookalikes, leaves the overlay working', async () => {
  // The add-on id is public (the manifest's); WXT named its start-up event after it.
  const addonId = 'escalation-overlay@safeguarding.example';
  type Hostile = {
    hostile: {
      findings: { messages: string[]; events: string[]; replayed: number };
      listenFor(types: string[]): void;
      replay(id: string): void;
    };
  };
  const page = await firefox.browser.newPage();
  await page.goto(`${firefox.demoUrl}/children/P102417/notes-hostile`);
  await page.evaluate(
    (id) =>
      (window as unknown as Hostile).hostile.listenFor(
        ['content', 'overlay'].map((name) => `${id}:${name}:wxt:content-script-started`),
      ),
    addonId,
  );
  await turnOnThisSite(firefox, page);
  await startEscalationFor(firefox, page, 'P102417');
  await clickInto(page, '#note');
  const panel = await openPanel(page);
  await waitForText(panel, '[data-testid=record-id]', 'P102417');
  const findings = () =>
    page.evaluate(() => structuredClone((window as unknown as Hostile).hostile.findings));

  const heard = await findings();
  expect(heard.messages).toEqual([]);
  expect(heard.events.filter((type) => type.includes(addonId) || type.includes('wxt'))).toEqual([]);
  await page.evaluate((id) => (window as unknown as Hostile).hostile.replay(id), addonId);
  expect((await findings()).replayed).toBeGreaterThan(0);
  await new Promise((resolve) => setTimeout(resolve, 1_500));

  // The hostile page's lying layout functions throw puppeteer's clicks off: keyboard, as its users do.
  const pressByKeyboard = async (name: string) => {
    await panel.evaluate((wanted) => {
      const buttons = Array.from(document.querySelectorAll('button'));
      buttons.find((button) => button.textContent?.startsWith(wanted))?.focus();
    }, name);
    await page.keyboard.press('Enter');
  };
  await pressByKeyboard('Open the escalation with');
  const preview = await panel.waitForSelector('textarea.preview');
  const text = (await preview?.evaluate((area) => (area as HTMLTextAreaElement).value)) ?? '';
  await pressByKeyboard('Insert into case note');
  await waitForText(panel, '[role=status]', 'Inserted into the case note field.');
  expect(await noteValue(page)).toBe(text);
  expect((await findings()).messages.every((message) => message.includes('FORGED'))).toBe(true);
  await page.close();
});
