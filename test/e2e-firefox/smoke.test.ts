import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FirefoxSession, panelFrame, startFirefox, tabToOverlay, turnOnThisSite } from './firefox';

let firefox: FirefoxSession;

beforeAll(async () => {
  firefox = await startFirefox();
});

afterAll(async () => {
  await firefox?.close();
});

test('a keyboard user opens the panel from the launcher on a demo child record', async () => {
  const page = await firefox.browser.newPage();
  await page.goto(`${firefox.demoUrl}/children/P100234`);
  expect(await page.$eval('.person-id', (element) => element.textContent)).toBe('P100234');
  await turnOnThisSite(firefox, page);

  await tabToOverlay(page);
  await page.keyboard.press('Enter');

  const panel = await panelFrame(page, firefox.extensionHost);
  const heading = await panel.waitForSelector('h1');
  expect(await heading?.evaluate((element) => element.textContent)).toBe(
    'Professional disagreement escalation',
  );
});
