import type { ElementHandle, Frame } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FirefoxSession, panelFrame, startFirefox, tabToOverlay, turnOnThisSite } from './firefox';

let firefox: FirefoxSession;

beforeAll(async () => {
  firefox = await startFirefox();
});

afterAll(async () => {
  await firefox?.close();
});

const OTHER_AGENCY = 'Berkshire Healthcare NHS Foundation Trust';

/** The form control a label names, as a screen reader would find it. */
async function field(panel: Frame, label: string, within = 'body'): Promise<ElementHandle<Element>> {
  const handle = await panel.waitForFunction(
    (text, scope) => {
      const root = document.querySelector(scope) ?? document;
      const match = Array.from(root.querySelectorAll('label')).find((candidate) =>
        candidate.textContent?.trim().startsWith(text),
      );
      return match?.control ?? null;
    },
    {},
    label,
    within,
  );
  return handle as ElementHandle<Element>;
}

async function type(panel: Frame, label: string, text: string, within?: string) {
  await (await field(panel, label, within)).type(text);
}

async function press(panel: Frame, name: string) {
  const button = await panel.waitForSelector(`::-p-text(${name})`);
  await button?.click();
}

async function waitForText(panel: Frame, text: string) {
  await panel.waitForFunction((wanted) => document.body.textContent?.includes(wanted), {}, text);
}

test('start, record a discussion and copy the record in Firefox', async () => {
  const page = await firefox.browser.newPage();
  await page.goto(`${firefox.demoUrl}/children/P100871`);
  await turnOnThisSite(firefox, page);
  await tabToOverlay(page);
  await page.keyboard.press('Enter');
  const panel = await panelFrame(page, firefox.extensionHost);
  await waitForText(panel, 'P100871');

  await press(panel, 'Start an escalation');
  await press(panel, 'No');
  await type(panel, 'Agency', OTHER_AGENCY);
  await type(panel, 'Professional whose decision you disagree with', 'Alex Jones');
  await type(panel, 'Their role', 'Health Visitor');
  const reason = await field(panel, 'Reason for the escalation');
  await reason.select('threshold-or-referral');
  await type(panel, 'The decision, action or inaction you disagree with', 'No referral made.');
  await type(panel, 'Fact', 'Bruise seen at the home visit.');
  await type(panel, 'Source', 'Health visitor notes');
  await type(panel, 'Impact on the child', 'Harm may go unassessed.');
  await type(panel, 'Outcome you are seeking', 'A referral.');
  await type(panel, 'Your name', 'Sam Patel');
  await type(panel, 'Your role', 'Social Worker');
  await type(panel, 'Your agency', 'Reading Children’s Services');
  await press(panel, 'Start the escalation');
  await waitForText(panel, `Escalation with ${OTHER_AGENCY}`);

  await press(panel, 'Record a discussion');
  const form = 'form[aria-label="Record a discussion"]';
  await (await field(panel, 'How', form)).select('call');
  await type(panel, 'Name', 'Sam Patel', `${form} fieldset fieldset`);
  await type(panel, 'Role', 'Social Worker', `${form} fieldset fieldset`);
  const otherSide = `${form} fieldset:nth-of-type(2) fieldset`;
  await type(panel, 'Name', 'Alex Jones', otherSide);
  await type(panel, 'Role', 'Health Visitor', otherSide);
  await type(panel, `${OTHER_AGENCY}’s position`, 'Threshold not met.');
  await type(panel, 'Summary of the discussion', 'Discussed the bruise.');
  await type(panel, 'Outcome', 'Not resolved.', form);
  await press(panel, 'Record the discussion');
  await waitForText(panel, 'DISCUSSION 1 – STAGE 1, STEP 1A');

  const preview = await panel.waitForSelector('textarea.preview');
  const record = (await preview?.evaluate((area) => (area as HTMLTextAreaElement).value)) ?? '';
  expect(record).toMatch(/^PROFESSIONAL DIFFERENCE OF OPINION - STAGE 1 - Pan Berkshire, March 2026\n/);
  await press(panel, 'Copy full record');
  await waitForText(panel, `Copied ${record.length.toLocaleString('en-GB')} characters.`);
});
