import type { Frame, Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * A whole escalation as a practitioner works it in the panel, shared by the
 * e2e suite and `npm start`'s walk: start (imminent-risk check first), a
 * discussion at step 1a, escalate, a discussion at 1b, escalate to stage 2,
 * tick the Business Manager duty. Each screen is passed to `shoot`.
 */

export const OTHER_AGENCY = 'Berkshire Healthcare NHS Foundation Trust';
const OUR_AGENCY = 'Reading Children’s Services';

type Shoot = (name: string) => Promise<unknown>;

/** How a button is pressed: a pointer click by default; a keyboard user focuses it and presses Enter. */
export type Press = (button: Locator) => Promise<void>;
const click: Press = (button) => button.click();
export const pressWithKeyboard: Press = async (button) => {
  await button.focus();
  await button.press('Enter');
};

async function recordDiscussion(
  panel: Frame,
  press: Press,
  summary: string,
  them: { name: string; role: string },
) {
  await press(panel.getByRole('button', { name: 'Record a discussion' }));
  const form = panel.getByRole('form', { name: 'Record a discussion' });
  await form.getByLabel('How').selectOption({ label: 'Phone call' });
  const ours = form.getByRole('group', { name: `Person 1 for ${OUR_AGENCY}` });
  await ours.getByLabel('Name').fill('Sam Patel');
  await ours.getByLabel('Role').fill('Social Worker');
  const theirs = form.getByRole('group', { name: `Person 1 for ${OTHER_AGENCY}` });
  await theirs.getByLabel('Name').fill(them.name);
  await theirs.getByLabel('Role').fill(them.role);
  await form.getByLabel(`${OTHER_AGENCY}’s position`).fill('The threshold for a referral is not met.');
  await form.getByLabel('Summary of the discussion').fill(summary);
  await form.getByLabel('Outcome').fill('Not resolved; escalating.');
  await form.getByLabel('Agreed action fed back to the practitioners and managers involved').check();
  await form.getByLabel(`Recorded on the child’s file at ${OUR_AGENCY}`).check();
  await press(form.getByRole('button', { name: 'Record the discussion' }));
  await expect(form).toHaveCount(0);
}

/**
 * The Business Manager is told by ticking the duty, or through "Prepare the
 * notification", which ticks it once the practitioner says it was sent.
 */
export type TellBusinessManager = 'tick' | 'prepare';

/** From the child's escalations to a started escalation at step 1a. */
export async function startAnEscalation(panel: Frame, shoot: Shoot, press: Press = click): Promise<void> {
  await press(panel.getByRole('button', { name: 'Start an escalation' }));
  await expect(panel.getByRole('heading', { name: 'Start an escalation' })).toBeFocused();
  await shoot('04-imminent-risk-question');
  await press(panel.getByRole('button', { name: 'No', exact: true }));

  await panel.getByLabel('Agency', { exact: true }).fill(OTHER_AGENCY);
  await panel.getByLabel('Professional whose decision you disagree with').fill('Alex Jones');
  await panel.getByLabel('Their role').fill('Health Visitor');
  await panel
    .getByLabel('Reason for the escalation')
    .selectOption({ label: 'Threshold or referral decision' });
  await panel
    .getByLabel('The decision, action or inaction you disagree with')
    .fill('The decision not to refer to children’s social care after the home visit.');
  await panel
    .getByLabel('Fact', { exact: true })
    .fill('Unexplained bruise seen at the home visit on 30 Oct.');
  await panel.getByLabel('Source', { exact: true }).fill('Health visitor notes');
  await panel.getByLabel('Impact on the child').fill('Possible physical harm going unassessed.');
  await panel.getByLabel('Outcome you are seeking').fill('A referral for a single assessment.');
  await panel.getByLabel('Your name').fill('Sam Patel');
  await panel.getByLabel('Your role').fill('Social Worker');
  await panel.getByLabel('Your agency').fill(OUR_AGENCY);
  await shoot('05-start-form');
  await press(panel.getByRole('button', { name: 'Start the escalation' }));

  await expect(panel.getByRole('heading', { name: `Escalation with ${OTHER_AGENCY}` })).toBeVisible();
  await shoot('06-escalation-started');
}

export async function workAnEscalation(
  panel: Frame,
  shoot: Shoot,
  press: Press = click,
  tell: TellBusinessManager = 'tick',
): Promise<void> {
  await startAnEscalation(panel, shoot, press);

  await recordDiscussion(panel, press, 'Discussed the bruise and the missed nursery sessions.', {
    name: 'Alex Jones',
    role: 'Health Visitor',
  });
  await shoot('07-discussion-recorded');
  await press(panel.getByRole('button', { name: /^Escalate to / }));
  await expect(panel.getByText(/step 1b/i).first()).toBeVisible();

  await recordDiscussion(panel, press, 'Line managers reviewed the chronology.', {
    name: 'Priya Shah',
    role: 'Health Visiting Team Leader',
  });
  await press(panel.getByRole('button', { name: /^Escalate to / }));
  await expect(panel.getByText(/^Stage 2/).first()).toBeVisible();
  await shoot('08-stage-2');

  const businessManager = panel
    .getByRole('listitem')
    .filter({ hasText: 'Safeguarding Children Partnership Business Manager' })
    .first();
  if (tell === 'prepare') await sendPreparedNotification(panel, press, shoot);
  else {
    await press(businessManager.getByRole('button', { name: 'Record as done' }));
    await press(businessManager.getByRole('button', { name: 'Save as done' }));
  }
  await expect(businessManager).toContainText('Done');
  await shoot('09-business-manager-told');
}

/** Prepares the Business Manager's notification, checks its email draft, and says it was sent. */
async function sendPreparedNotification(panel: Frame, press: Press, shoot: Shoot) {
  const notifications = panel.getByRole('region', { name: 'Notifications to the partnership' });
  const toBusinessManager = notifications
    .locator('.notification')
    .filter({ hasText: 'Safeguarding Children Partnership Business Manager' })
    .first();
  await press(toBusinessManager.getByRole('button', { name: 'Prepare the notification' }));
  const draft = toBusinessManager.getByRole('link', { name: /^Open as an email draft/ });
  const mailto = new URL((await draft.getAttribute('href')) ?? '');
  expect(mailto.protocol).toBe('mailto:');
  expect(mailto.pathname).toBe('BWSCP@brightfuturesforchildren.org');
  const subject = mailto.searchParams.get('subject') ?? '';
  const body = mailto.searchParams.get('body') ?? '';
  expect(subject).toMatch(
    /^Escalation ESC-\d{8}-[A-Z0-9]{8} – stage 2 – professional disagreement notification$/,
  );
  expect(body).toContain('Stage reached: Stage 2 – Management finding solutions\r\n');
  expect(body).toContain(`Agency raised with: ${OTHER_AGENCY}\r\n`);
  expect(body).toContain('Reason: Threshold or referral decision\r\n');
  expect(body.replaceAll('\r\n', '\n')).toBe(
    await toBusinessManager.getByLabel('Notification text').inputValue(),
  );
  for (const secret of ['Alex Jones', 'bruise', 'The decision not to refer', 'Possible physical harm'])
    expect(`${subject}${body}`).not.toContain(secret);
  const recordId = await panel.getByTestId('record-id').textContent();
  expect(`${subject}${body}`).not.toContain(recordId ?? 'no record id shown');
  await shoot('09-notification-prepared');
  await press(toBusinessManager.getByRole('button', { name: 'I have sent it' }));
  await press(toBusinessManager.getByRole('button', { name: 'Save as sent' }));
}

/** Presses Insert for the full record; returns the exact text the panel showed for it. */
export async function insertFullRecord(panel: Frame): Promise<string> {
  const text = await panel.getByLabel(/^Exact text of the full record/).inputValue();
  await panel.getByRole('button', { name: 'Insert into case note' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Inserted' })).toHaveText(
    'Inserted into the case note field.',
  );
  return text;
}

/** Reads the clipboard as the host page would paste it. */
export async function clipboardText(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}
