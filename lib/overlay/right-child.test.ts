// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoAdapter, genericAdapter } from '@/lib/sites/selectors';
import type { PageWorld } from './page-world';
import { checkChild, installChildFinder, type RecordChild, watchIdArea } from './right-child';

const AMELIA_URL = 'http://127.0.0.1:8765/children/P100234/notes';
const JAYDEN_URL = 'http://127.0.0.1:8765/children/P100871/notes';

function header(name: string, id: string): string {
  return `<section class="person-header"><h1 class="person-name">${name}</h1>
<dl><div><dt>Person ID</dt><dd class="person-id">${id}</dd></div></dl></section>
<main><textarea id="note"></textarea></main>`;
}

const amelia: RecordChild = { recordId: 'P100234', system: 'Demo Case Record System', entered: false };

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('checkChild', () => {
  it('passes while the page shows the record’s child, on any of their pages', () => {
    document.body.innerHTML = header('Amelia Hartwell', 'P100234');
    expect(checkChild(document, AMELIA_URL, [demoAdapter], amelia)).toEqual({ same: true });
    const summary = 'http://127.0.0.1:8765/children/P100234';
    expect(checkChild(document, summary, [demoAdapter], amelia)).toEqual({ same: true });
  });

  it('names the other child the page shows now, by name and record id', () => {
    document.body.innerHTML = header('Jayden Okonkwo-Reid', 'P100871');
    expect(checkChild(document, JAYDEN_URL, [demoAdapter], amelia)).toEqual({
      same: false,
      shows: 'Jayden Okonkwo-Reid (P100871)',
    });
  });

  it('refuses just after the address moved to another child while the header has not caught up', () => {
    document.body.innerHTML = header('Amelia Hartwell', 'P100234');
    expect(checkChild(document, JAYDEN_URL, [demoAdapter], amelia, AMELIA_URL)).toEqual({
      same: false,
      shows: 'P100871',
    });
    // Long after, the page's header is what the practitioner sees.
    expect(checkChild(document, JAYDEN_URL, [demoAdapter], amelia)).toEqual({ same: true });
  });

  it('refuses when the page shows no child it can read', () => {
    document.body.innerHTML = '<main><textarea></textarea></main>';
    expect(checkChild(document, 'http://127.0.0.1:8765/children', [demoAdapter], amelia)).toEqual({
      same: false,
      shows: '',
    });
  });

  it('refuses the same id in another system', () => {
    document.body.innerHTML = header('Amelia Hartwell', 'P100234');
    expect(
      checkChild(document, AMELIA_URL, [demoAdapter], { ...amelia, system: 'Another system' }),
    ).toMatchObject({ same: false, shows: 'Amelia Hartwell (P100234)' });
  });

  it('keeps the child while the address moves within their record', () => {
    document.body.innerHTML = header('Amelia Hartwell', 'P100234');
    const summary = 'http://127.0.0.1:8765/children/P100234';
    expect(checkChild(document, AMELIA_URL, [demoAdapter], amelia, summary)).toEqual({ same: true });
    document.body.innerHTML = '<div><span>Person ID</span> <span>P555</span></div><h2>Case</h2>';
    const child: RecordChild = { recordId: 'P555', system: 'records.example', entered: false };
    expect(
      checkChild(
        document,
        'https://records.example/app#notes',
        [genericAdapter],
        child,
        'https://records.example/app',
      ),
    ).toEqual({ same: true });
  });

  it('lets a typed reference through only while the page names no other child', () => {
    const typed: RecordChild = { recordId: 'REF-42', entered: true };
    document.body.innerHTML = '<main><textarea></textarea></main>';
    expect(checkChild(document, 'http://127.0.0.1:8765/children', [demoAdapter], typed)).toEqual({
      same: true,
    });
    document.body.innerHTML = header('Jayden Okonkwo-Reid', 'P100871');
    expect(checkChild(document, JAYDEN_URL, [demoAdapter], typed)).toMatchObject({ same: false });
  });
});

/** Lets the observer's callback and then its throttle run. */
const settle = async (ms: number) => {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(ms);
};

describe('watchIdArea', () => {
  it('reports a header band swapped for another child, once per burst of changes', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = header('Amelia Hartwell', 'P100234');
    const onChange = vi.fn();
    const area = [document.querySelector('.person-header') as Element];
    const stop = watchIdArea(window, area, onChange, 150);
    const band = document.querySelector('.person-header') as Element;
    band.outerHTML = header('Jayden Okonkwo-Reid', 'P100871').split('<main>')[0] as string;
    document.body.append(document.createElement('p'));
    await settle(149);
    expect(onChange).not.toHaveBeenCalled();
    await settle(1);
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
  });

  it('ignores typing in the case note and changes elsewhere on the page', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = `${header('Amelia Hartwell', 'P100234')}<div contenteditable="true">x</div>`;
    const onChange = vi.fn();
    const stop = watchIdArea(window, [document.querySelector('.person-id') as Element], onChange, 150);
    (document.querySelector('[contenteditable]') as HTMLElement).append('typed');
    document.body.append(document.createElement('div'));
    await settle(300);
    expect(onChange).not.toHaveBeenCalled();
    (document.querySelector('.person-id') as Element).textContent = 'P100871';
    await settle(300);
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
  });
});

describe('installChildFinder', () => {
  it('watches the id area it found the child in and tells the content script of a change', async () => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/children/P100234/notes');
    document.body.innerHTML = header('Amelia Hartwell', 'P100234');
    const world: PageWorld = { changed: vi.fn() };
    installChildFinder(world, window);
    expect(world.findChild?.([demoAdapter])).toMatchObject({ recordId: 'P100234' });
    (document.querySelector('.person-id') as Element).textContent = 'P100871';
    await settle(200);
    expect(world.changed).toHaveBeenCalledTimes(1);
    world.unwatch?.();
  });

  it('leaves a one-time confirmation after a passing check, which refuses once the address moved on', () => {
    window.history.replaceState(null, '', '/children/P100234/notes');
    document.body.innerHTML = header('Amelia Hartwell', 'P100234');
    let now = 10_000;
    const world: PageWorld = {};
    installChildFinder(world, window, () => now);
    expect(world.checkChild?.([demoAdapter], amelia)).toEqual({ same: true });
    expect(world.confirmChild?.()).toBeUndefined();

    // The page pushes another child's address between the check and the insertion.
    window.history.pushState(null, '', '/children/P100871/notes');
    expect(world.confirmChild?.()).toEqual({ inserted: false, reason: 'other-child', detail: 'P100871' });
    expect(world.checkChild?.([demoAdapter], amelia)).toMatchObject({ same: false });

    // Seconds later the header still shows Amelia: that is the record the page shows.
    now += 3_000;
    expect(world.checkChild?.([demoAdapter], amelia)).toEqual({ same: true });
  });

  it('refuses once the header band shows another child, whatever the address', () => {
    window.history.replaceState(null, '', '/children/P100234/notes');
    document.body.innerHTML = header('Amelia Hartwell', 'P100234');
    const world: PageWorld = {};
    installChildFinder(world, window);
    expect(world.checkChild?.([demoAdapter], amelia)).toEqual({ same: true });
    (document.querySelector('.person-header') as Element).outerHTML = header(
      'Jayden Okonkwo-Reid',
      'P100871',
    );
    expect(world.confirmChild?.()).toEqual({
      inserted: false,
      reason: 'other-child',
      detail: 'Jayden Okonkwo-Reid (P100871)',
    });
  });

  it('leaves no confirmation when the check fails', () => {
    window.history.replaceState(null, '', '/children/P100871/notes');
    document.body.innerHTML = header('Jayden Okonkwo-Reid', 'P100871');
    const world: PageWorld = { confirmChild: () => undefined };
    installChildFinder(world, window);
    expect(world.checkChild?.([demoAdapter], amelia)).toMatchObject({ same: false });
    expect(world.confirmChild).toBeUndefined();
  });
});
