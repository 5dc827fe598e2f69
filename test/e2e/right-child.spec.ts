import type { Page } from '@playwright/test';
import { expect, panelFrame, startEscalationFor, test, turnOnThisSite } from './fixtures';
import { OverlayControls } from './overlay';

/**
 * A record about one child must never reach another child's note. The page
 * here behaves like a single-page case-record system: it changes child while
 * the case-note form stays where it is, by pushState with the header redrawn a
 * moment later, or by redrawing the header band alone with no change of
 * address. The practitioner presses Insert just after.
 */

const HEADING = 'PROFESSIONAL DIFFERENCE OF OPINION - STAGE 1 - Pan Berkshire, March 2026';
const RUBY = { id: 'P102417', name: 'Ruby Pattinson' };
const JAYDEN = { id: 'P100871', name: 'Jayden Okonkwo-Reid' };

/** Ruby's notes page with her escalation open in the panel and the note field used; returns where Insert is. */
async function readyToInsert(page: Page, extensionId: string) {
  await page.goto(`/children/${RUBY.id}/notes`);
  await turnOnThisSite(page, extensionId);
  const overlay = await OverlayControls.attach(page);
  await overlay.click('button', 'Escalations');
  const panel = await panelFrame(page, extensionId);
  await expect(panel.getByTestId('record-id')).toHaveText(RUBY.id);
  await panel.getByRole('button', { name: /^Open the escalation with/ }).click();
  await page.getByLabel('New case note').click();
  const insertButton = panel.getByRole('button', { name: 'Insert into case note' });
  await insertButton.scrollIntoViewIfNeeded();
  const box = await insertButton.boundingBox();
  if (!box) throw new Error('Insert is not on screen');
  // Which button the press landed on: the panel may have followed the page to the other child first.
  await panel.evaluate(() => {
    document.addEventListener('click', (event) => {
      const button = (event.target as Element | null)?.closest('button');
      document.body.dataset.pressed = button?.textContent ?? '';
    });
  });
  // A pointer press where the button is, with nothing in between that could make it late.
  const pressInsert = async () => {
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    return (await panel.evaluate(() => document.body.dataset.pressed)) === 'Insert into case note';
  };
  return { panel, pressInsert };
}

/**
 * The page's own script changes child, keeping the case-note form: the header
 * band is replaced by the other child's (fetched from the demo site first) and,
 * for `push`, the address changes at once and the header `redrawAfterMs` later.
 */
async function changeChild(
  page: Page,
  id: string,
  { push, redrawAfterMs = 0 }: { push: boolean; redrawAfterMs?: number },
) {
  await page.evaluate(
    async ({ id, push, redrawAfterMs }) => {
      const html = await (await fetch(`/children/${id}/notes`)).text();
      const band = new DOMParser().parseFromString(html, 'text/html').querySelector('.person-header');
      const redraw = () =>
        band && document.querySelector('.person-header')?.replaceWith(document.importNode(band, true));
      if (push) {
        history.pushState({}, '', `/children/${id}/notes`);
        setTimeout(redraw, redrawAfterMs);
      } else {
        redraw();
      }
    },
    { id, push, redrawAfterMs },
  );
}

for (const delayMs of [0, 30, 60, 100]) {
  test(`pushState to another child, Insert ${delayMs} ms later: nothing goes into the other child's note`, async ({
    context,
    extensionId,
  }) => {
    await startEscalationFor(context, extensionId, RUBY.id);
    const page = await context.newPage();
    const { panel, pressInsert } = await readyToInsert(page, extensionId);
    const note = page.getByLabel('New case note');

    await changeChild(page, JAYDEN.id, { push: true, redrawAfterMs: 150 });
    if (delayMs > 0) await page.waitForTimeout(delayMs);
    if (await pressInsert()) {
      await expect(panel.getByRole('alert')).toContainText(
        /not inserted: the page now shows the record of .*P100871/i,
      );
    }
    await expect(panel.getByTestId('record-id')).toHaveText(JAYDEN.id, { timeout: 500 });
    await page.waitForTimeout(300);
    expect(await note.inputValue()).not.toContain(HEADING);
    expect(await note.inputValue()).toBe('');
  });
}

test('a header band swapped for another child with no change of address: the panel follows within 500 ms, and nothing goes into that child’s note', async ({
  context,
  extensionId,
}) => {
  await startEscalationFor(context, extensionId, RUBY.id);
  const page = await context.newPage();
  const { panel, pressInsert } = await readyToInsert(page, extensionId);
  const note = page.getByLabel('New case note');
  const address = page.url();

  await changeChild(page, JAYDEN.id, { push: false });
  const swappedAt = Date.now();
  const pressed = await pressInsert();
  await expect(panel.getByTestId('record-id')).toHaveText(JAYDEN.id, { timeout: 500 });
  expect(Date.now() - swappedAt).toBeLessThan(500);
  await expect(panel.getByText(JAYDEN.name, { exact: true })).toBeVisible();
  expect(pressed).toBe(true);
  await expect(panel.getByRole('alert')).toContainText(
    `The record for ${RUBY.id} was not inserted: the page now shows the record of ${JAYDEN.name} (${JAYDEN.id})`,
  );
  await page.waitForTimeout(300);
  expect(await note.inputValue()).toBe('');
  expect(page.url()).toBe(address);

  // The header back to Ruby: the panel follows, and her record goes into her note.
  await changeChild(page, RUBY.id, { push: false });
  await expect(panel.getByTestId('record-id')).toHaveText(RUBY.id, { timeout: 500 });
  await panel.getByRole('button', { name: /^Open the escalation with/ }).click();
  await note.click();
  await panel.getByRole('button', { name: 'Insert into case note' }).click();
  await expect(panel.getByRole('status')).toHaveText('Inserted into the case note field.');
  expect(await note.inputValue()).toContain(HEADING);
  expect(await note.inputValue()).toContain(RUBY.id);
});
