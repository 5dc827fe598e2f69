// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { trackCaseNoteFields } from './case-note-field';
import { runOverlay } from './content';
import { focusCaseNote } from './insert-case-note';
import { mountOverlay } from './mount-overlay';
import { followNavigation } from './navigation';
import { answerExtension, ask, type PageRuntime } from './page-channel';
import type { PageWorld } from './page-world';

// happy-dom lays nothing out, so the panel would always look too small to see: its visibility
// check is tested in real browsers (test/e2e/insert.spec.ts).
vi.mock('./visibility', () => ({ panelObstruction: () => undefined }));

afterEach(() => {
  document.body.innerHTML = '';
  for (const element of Array.from(document.documentElement.children)) {
    if (element.tagName.startsWith('X-')) element.remove();
  }
});

/** A world whose panel is open and focused, so only the field decides. */
function focusedPanelWorld(): PageWorld {
  const frame = document.createElement('div') as unknown as HTMLIFrameElement;
  return { panel: { host: document.body, frame: () => frame, hasFocus: () => true } };
}

describe('mountOverlay', () => {
  it('keeps everything in a closed shadow root and loads the panel only when first opened', () => {
    const remembered = vi.fn();
    const overlay = mountOverlay({
      document,
      panelUrl: 'chrome-extension://x/panel.html',
      onLayoutChange: remembered,
    });
    expect(overlay.host.shadowRoot).toBeNull();
    expect(overlay.frame()).toBeUndefined();
    overlay.open({ focus: false });
    expect(overlay.frame()?.getAttribute('allow')).toBe('clipboard-write');
    expect(remembered).toHaveBeenLastCalledWith({ open: true, width: 420 });
    overlay.close();
    expect(overlay.isOpen()).toBe(false);
    overlay.remove();
    expect(overlay.host.isConnected).toBe(false);
  });

  it('clamps a remembered width', () => {
    const remembered = vi.fn();
    const overlay = mountOverlay({ document, panelUrl: 'x', onLayoutChange: remembered });
    overlay.applyLayout({ open: true, width: 5000 });
    overlay.close();
    expect(remembered).toHaveBeenLastCalledWith({ open: false, width: 900 });
  });
});

describe('case-note fields and insertion', () => {
  it('gives the last focused field the focus back, its caret where it was', () => {
    document.body.innerHTML = '<textarea id="note">Before after</textarea><button>Save</button>';
    const world = focusedPanelWorld();
    const stop = trackCaseNoteFields(window, world);
    const note = document.getElementById('note') as HTMLTextAreaElement;
    note.focus();
    note.setSelectionRange(7, 7);
    document.querySelector('button')?.focus();

    expect(focusCaseNote(world)).toEqual({ focused: true, address: location.href });
    expect(document.activeElement).toBe(note);
    expect(note.selectionStart).toBe(7);
    stop();
  });

  it('puts the caret at the end of a contenteditable editor that never had one', () => {
    document.body.innerHTML = '<div contenteditable="true" id="rich">Visit.</div><button>Save</button>';
    const world = focusedPanelWorld();
    trackCaseNoteFields(window, world);
    const rich = document.getElementById('rich') as HTMLElement;
    rich.focus();
    document.querySelector('button')?.focus();
    expect(focusCaseNote(world)).toEqual({ focused: true, address: location.href });
    expect(document.activeElement).toBe(rich);
    const range = document.getSelection()?.getRangeAt(0);
    expect(range?.collapsed).toBe(true);
    expect(range?.startContainer).toBe(rich);
    expect(range?.startOffset).toBe(1);
  });

  it('refuses without a field, and without a press from our own focused panel', () => {
    document.body.innerHTML = '<input type="checkbox" id="box">';
    const world = focusedPanelWorld();
    trackCaseNoteFields(window, world);
    (document.getElementById('box') as HTMLElement).focus();
    expect(focusCaseNote(world)).toMatchObject({ inserted: false, reason: 'no-field' });
    expect(focusCaseNote({})).toMatchObject({ inserted: false, reason: 'not-from-panel' });
  });
});

describe('followNavigation', () => {
  it('reports each new address once, from pushState, replaceState, popstate and hash changes', async () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const stop = followNavigation(window, (href) => seen.push(new URL(href).pathname + new URL(href).hash));
    history.pushState({}, '', '/children/P1');
    vi.advanceTimersByTime(300);
    history.replaceState({}, '', '/children/P2');
    vi.advanceTimersByTime(300);
    vi.advanceTimersByTime(300);
    location.hash = '#notes';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    stop();
    vi.useRealTimers();
    expect(seen).toEqual(['/children/P1', '/children/P2', '/children/P2#notes']);
  });
});

describe('the content script’s message channel', () => {
  function fakeRuntime(reply: unknown) {
    const listeners: Parameters<PageRuntime['onMessage']['addListener']>[0][] = [];
    const runtime: PageRuntime = {
      id: 'ours',
      getURL: (path) => `chrome-extension://ours${path}`,
      sendMessage: vi.fn(async () => reply),
      onMessage: {
        addListener: (listener) => listeners.push(listener),
        removeListener: (listener) => listeners.splice(listeners.indexOf(listener), 1),
      },
    };
    return { runtime, listeners };
  }

  it('sends envelopes and returns the value, or throws the refusal', async () => {
    const { runtime } = fakeRuntime({ ok: true, value: { open: true, width: 420 } });
    await expect(ask(runtime, 'page/hello', {})).resolves.toEqual({ open: true, width: 420 });
    expect(runtime.sendMessage).toHaveBeenCalledWith({ type: 'page/hello', payload: {} });
    const refused = fakeRuntime({ ok: false, error: { code: 'forbidden', message: 'no' } });
    await expect(ask(refused.runtime, 'page/hello', {})).rejects.toThrow('no');
  });

  it('answers only our own extension, and only the types it knows', async () => {
    const { runtime, listeners } = fakeRuntime(undefined);
    const stop = answerExtension(runtime, { 'overlay/show': () => ({ open: true }) });
    const listener = listeners[0];
    const respond = vi.fn();
    expect(
      listener?.(
        { type: 'overlay/show', payload: {} },
        { id: 'other', url: 'chrome-extension://other/' },
        respond,
      ),
    ).toBeUndefined();
    expect(
      listener?.({ type: 'nope' }, { id: 'ours', url: 'chrome-extension://ours/background.js' }, respond),
    ).toBeUndefined();
    expect(
      listener?.(
        { type: 'overlay/show' },
        { id: 'ours', url: 'chrome-extension://ours/background.js' },
        respond,
      ),
    ).toBe(true);
    await vi.waitFor(() => expect(respond).toHaveBeenCalledWith({ ok: true, value: { open: true } }));
    stop();
    expect(listeners).toHaveLength(0);
  });
});

describe('runOverlay', () => {
  it('posts and dispatches nothing into the page, and stops by itself once the extension is reloaded', async () => {
    vi.useFakeTimers();
    const posted = vi.spyOn(window, 'postMessage');
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    const runtime: PageRuntime = {
      id: 'ours',
      getURL: (path) => `chrome-extension://ours${path}`,
      sendMessage: vi.fn(async () => ({ ok: true, value: { open: false, width: 420 } })),
      onMessage: { addListener: vi.fn(), removeListener: vi.fn() },
    };
    const before = document.documentElement.children.length;
    runOverlay(window, runtime);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(document.documentElement.children.length).toBe(before + 1);
    expect(posted).not.toHaveBeenCalled();
    expect(dispatched).not.toHaveBeenCalled();

    // An orphaned copy: the browser takes the reloaded extension's id away from it.
    runtime.id = '';
    await vi.advanceTimersByTimeAsync(500);
    expect(document.documentElement.children.length).toBe(before);
    expect(runtime.onMessage.removeListener).toHaveBeenCalled();
    vi.useRealTimers();
  });
});
