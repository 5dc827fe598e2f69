import { expect, openPanelOn, panelFrame, test, turnOnThisSite } from './fixtures';
import { OverlayControls } from './overlay';

test('the host page cannot read the panel or find the child data in its own DOM', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  const panel = await openPanelOn(page, extensionId, '/children/P100234/notes');
  await expect(panel.getByTestId('record-id')).toHaveText('P100234');

  const seen = await page.evaluate(() => {
    const host = document.documentElement.lastElementChild as HTMLElement;
    // Any frame the page can enumerate, the panel's included if it is listed at all, read as far as it can.
    const readableFrames = Array.from({ length: window.length }, (_, index) => {
      try {
        return window.frames[index]?.document.body.innerHTML ?? '';
      } catch {
        return '';
      }
    }).filter((html) => html !== '');
    return {
      shadowRoot: host.shadowRoot,
      hostText: host.textContent,
      iframes: document.querySelectorAll('iframe').length,
      readableFrames,
      pageMentionsPolicy: document.documentElement.innerHTML.includes('PROFESSIONAL DIFFERENCE'),
    };
  });
  expect(seen).toEqual({
    shadowRoot: null,
    hostText: '',
    iframes: 0,
    readableFrames: [],
    pageMentionsPolicy: false,
  });
});

test('a host page script cannot trigger insertion', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto('/children/P100234/notes');
  await turnOnThisSite(page, extensionId);
  const overlay = await OverlayControls.attach(page);
  await overlay.click('button', 'Escalations');
  await panelFrame(page, extensionId);
  const note = page.getByLabel('New case note');
  await note.click();

  await page.evaluate(async (id) => {
    const attempt = { type: 'overlay/insert', payload: { text: 'FORGED' } };
    window.postMessage(attempt, '*');
    for (const frame of Array.from({ length: window.frames.length }, (_, index) => window.frames[index])) {
      frame?.postMessage(attempt, '*');
      frame?.postMessage({ type: 'panel/insert', payload: { text: 'FORGED' } }, '*');
    }
    document.dispatchEvent(new CustomEvent('overlay/insert', { detail: attempt }));
    // The page frames the panel itself and "clicks" in it: it cannot reach inside.
    const own = document.createElement('iframe');
    own.src = `chrome-extension://${id}/panel.html`;
    document.body.append(own);
    await new Promise((resolve) => own.addEventListener('load', resolve, { once: true }));
    try {
      own.contentDocument?.querySelector('button')?.click();
    } catch {
      // Cross-origin: as expected.
    }
    const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
    if (typeof runtime?.sendMessage === 'function') {
      try {
        (runtime.sendMessage as (id: string, message: unknown) => void)(id, attempt);
      } catch {
        // Not externally connectable: as expected.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }, extensionId);
  expect(await note.inputValue()).toBe('');
});
