import type { Page } from '@playwright/test';
import { draft, socialWorker } from '../../lib/escalation/testing';
import { exampleChainedPolicyInput } from '../fixtures/policies/example-chained';
import { seriousAccessibilityViolations } from './axe';
import { DEMO_SYSTEM, expect, openPanelOn, setClock, test } from './fixtures';

/** The options page, opened as a practitioner opens it from the extension's menu. */
async function openOptions(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { name: 'Policy and calendar', level: 2 })).toBeVisible();
  return page;
}

const storedEverything = (page: Page) => page.evaluate(() => chrome.storage.local.get(null));

const jsonFile = (name: string, value: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
});

test('a valid policy file is previewed and adopted; an invalid one lists its problems and changes nothing', async ({
  context,
  extensionId,
}) => {
  const page = await openOptions(await context.newPage(), extensionId);
  const fileInput = page.getByLabel('Policy file');

  const before = await storedEverything(page);
  const [firstStep, ...otherSteps] = exampleChainedPolicyInput.steps;
  const broken = {
    ...exampleChainedPolicyInput,
    version: '',
    steps: [{ ...firstStep, involved: [] }, ...otherSteps],
  };
  await fileInput.setInputFiles(jsonFile('broken.json', broken));
  const problems = page.getByRole('alert').filter({ hasText: 'broken.json cannot be used' });
  await expect(problems.getByRole('listitem')).toHaveText([
    'version: must not be empty',
    'steps[0].involved: a step involves at least one role',
  ]);
  expect(await storedEverything(page)).toEqual(before);

  await fileInput.setInputFiles(jsonFile('chained.json', exampleChainedPolicyInput));
  const preview = page.getByRole('form', { name: /Check before using: Example chained procedure/ });
  await preview.getByLabel('Sample start date').fill('2026-11-02');
  const timeline = preview.getByRole('table', { name: /Deadlines from Mon 2 Nov 2026, 08:30/ });
  await expect(timeline.getByRole('row', { name: /discuss: Discuss between practitioners/ })).toContainText(
    'Wed 4 Nov 2026, 12:30',
  );
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await preview.getByRole('button', { name: 'Use this policy' }).click();
  await expect(
    page.getByText(/^Imported Example chained procedure .*new escalations will start under it/),
  ).toBeVisible();
  await expect(page.getByLabel('Choose the policy')).toHaveValue('example-chained 1');
  await expect(page.getByRole('table', { name: /The steps of Example chained procedure/ })).toBeVisible();
  const { settings } = await page.evaluate(() => chrome.storage.local.get('settings'));
  expect(settings).toMatchObject({
    activePolicy: { id: 'example-chained', version: '1' },
    importedPolicies: [{ id: 'example-chained', version: '1' }],
  });
});

test('a closure on the working day a deadline depends on moves that deadline in the panel', async ({
  context,
  extensionId,
  baseURL,
}) => {
  const options = await openOptions(await context.newPage(), extensionId);
  // Mon 2 Nov 2026, noon: step 1a of an escalation started at 10:30 is due Tue 3 Nov at 17:00.
  await setClock(options, new Date('2026-11-02T12:00:00Z'));
  const started = '2026-11-02T10:30:00.000Z';
  const reply = await options.evaluate(
    (payload) => chrome.runtime.sendMessage({ type: 'escalation/start', payload }),
    {
      input: {
        ...draft,
        child: { system: DEMO_SYSTEM, recordId: 'P101552', recordUrl: `${baseURL}/children/P101552` },
        differenceStartedAt: started,
        imminentRisk: { atRisk: false, answeredAt: started },
      },
      by: socialWorker,
    },
  );
  expect(reply).toMatchObject({ ok: true });

  const page = await context.newPage();
  const panel = await openPanelOn(page, extensionId, '/children/P101552');
  await panel.getByRole('button', { name: /^Open the escalation with/ }).click();
  const step1a = panel
    .getByRole('listitem')
    .filter({ hasText: 'Discussion between the professionals involved' });
  await expect(step1a).toContainText('Deadline: Tue 3 Nov 2026, 17:00');

  await options.bringToFront();
  const add = options.getByRole('group', { name: 'Add a closure date' });
  await add.getByLabel('Date').fill('2026-11-03');
  await add.getByLabel(/Name/).fill('Staff training day');
  await add.getByRole('button', { name: 'Add closure date' }).click();
  await expect(options.getByText('Added the closure date Tue 3 Nov 2026, Staff training day.')).toBeVisible();

  await expect(step1a).toContainText('Deadline: Wed 4 Nov 2026, 17:00');
  await step1a.getByText('How this deadline was worked out').click();
  await expect(step1a).toContainText('Tue 3 Nov (organisation closure: Staff training day)');
});

test('the policy, calendar and alerts sections pass an accessibility scan, with errors showing', async ({
  context,
  extensionId,
}) => {
  const page = await openOptions(await context.newPage(), extensionId);
  await expect(page.getByRole('heading', { name: 'Alerts', level: 2 })).toBeVisible();
  // Errors shown next to their fields are part of what is scanned.
  const add = page.getByRole('group', { name: 'Add a closure date' });
  await add.getByRole('button', { name: 'Add closure date' }).click();
  await expect(add.getByLabel('Date')).toHaveAttribute('aria-invalid', 'true');
  await page
    .getByLabel('Official list file (bank-holidays.json)')
    .setInputFiles(jsonFile('holidays.json', '[]'));
  await expect(page.getByRole('alert').filter({ hasText: 'holidays.json cannot be used' })).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await page.getByLabel('Region').selectOption('scotland');
  await page.getByRole('button', { name: 'Save UK region' }).click();
  await expect(page.getByRole('button', { name: /^Use the default \(England and Wales/ })).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});
