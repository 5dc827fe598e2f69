import type { Frame, Page } from '@playwright/test';
import { expect, panelFrame, test, turnOnThisSite } from './fixtures';
import { OverlayControls } from './overlay';
import { OTHER_AGENCY } from './practitioner-flow';

/** The name a screen reader would give the focused control in the panel: its label, or its text. */
const focusedName = (panel: Frame) =>
  panel.evaluate(() => {
    const focused = document.activeElement as HTMLElement | null;
    if (!focused) return '';
    const labels = (focused as HTMLInputElement).labels;
    return (labels?.[0]?.textContent ?? focused.textContent ?? '').trim();
  });

/** Presses Tab (and nothing else) until the control named `name` has focus. */
async function tabTo(page: Page, panel: Frame, name: string | RegExp) {
  for (let press = 0; press < 80; press++) {
    const current = await focusedName(panel);
    if (typeof name === 'string' ? current.startsWith(name) : name.test(current)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached "${name}"`);
}

async function typeInto(page: Page, panel: Frame, label: string | RegExp, text: string) {
  await tabTo(page, panel, label);
  await page.keyboard.type(text);
}

test('a keyboard-only user opens the panel and starts an escalation', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto('/children/P102003');
  await turnOnThisSite(page, extensionId);
  const overlay = await OverlayControls.attach(page);
  await overlay.focus('button', 'Escalations');
  await page.keyboard.press('Enter');
  const panel = await panelFrame(page, extensionId);
  await expect(panel.getByTestId('record-id')).toHaveText('P102003');

  await tabTo(page, panel, 'Start an escalation');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { name: 'Start an escalation' })).toBeFocused();
  await tabTo(page, panel, /^No$/);
  await page.keyboard.press('Enter');

  await typeInto(page, panel, /^Agency/, OTHER_AGENCY);
  await typeInto(page, panel, 'Professional whose decision you disagree with', 'Alex Jones');
  await typeInto(page, panel, 'Their role', 'Health Visitor');
  await tabTo(page, panel, 'Reason for the escalation');
  await page.keyboard.press('ArrowDown');
  await typeInto(page, panel, 'The decision, action or inaction you disagree with', 'No referral made.');
  await typeInto(page, panel, /^Fact/, 'Bruise seen at the home visit.');
  await typeInto(page, panel, /^Source/, 'Health visitor notes');
  await typeInto(page, panel, 'Impact on the child', 'Harm may go unassessed.');
  await typeInto(page, panel, 'Outcome you are seeking', 'A referral.');
  await typeInto(page, panel, 'Your name', 'Sam Patel');
  await typeInto(page, panel, 'Your role', 'Social Worker');
  await typeInto(page, panel, 'Your agency', 'Reading Children’s Services');
  await tabTo(page, panel, 'Start the escalation');
  await page.keyboard.press('Enter');

  await expect(panel.getByRole('heading', { name: `Escalation with ${OTHER_AGENCY}` })).toBeVisible();
});
