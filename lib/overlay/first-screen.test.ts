import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Escalation } from '@/lib/escalation';
import { startedEscalation } from '@/lib/escalation/testing';
import { createMessageRouter, MessageError, type MessageSender, sendMessage } from '@/lib/messaging';
import { type LocalArea, LocalCopy } from '@/lib/storage';
import type { StorageChange } from '@/lib/storage/area';
import { escalationKey, storageKeys } from '@/lib/storage/keys';
import { fakeChanges } from '@/lib/storage/testing';
import { overlayRoutes } from './background';
import {
  escalationsOf,
  followingFromNow,
  followPanelScreen,
  type PanelScreen,
  type PanelScreenSources,
  type ParsedEscalations,
} from './first-screen';
import { type PageContext, writePageContext } from './page-context';
import { panelFirstScreen } from './panel-messages';

const self = { id: 'ext', origin: 'chrome-extension://ext/' };
const panelIn = (tabId: number): MessageSender => ({
  id: 'ext',
  url: `${self.origin}panel.html`,
  tab: { id: tabId },
  frameId: 4,
});

const example = startedEscalation();
const childA = example.child;
/** An escalation of another child (or this one), with its own id. */
const escalationOf = (id: string, child: Partial<Escalation['child']> = {}): Escalation => ({
  ...example,
  id,
  child: { ...example.child, ...child },
});
const pageOf = (child: Escalation['child']): PageContext => ({
  looked: true,
  child: {
    adapterId: 'lcs',
    system: child.system,
    recordId: child.recordId,
    recordUrl: 'https://lcs.example.org/x',
  },
});

const local = () => fakeBrowser.storage.local as unknown as LocalArea;

async function background() {
  const copy = new LocalCopy(local(), fakeChanges().local);
  const router = createMessageRouter(
    overlayRoutes(() => copy.current()),
    self,
  );
  return (sender: MessageSender) => (envelope: unknown) => Promise.resolve(router(envelope, sender));
}

describe('the panel’s first screen, from the background', () => {
  it('answers with the page, the settings and only the escalations of the child the page shows', async () => {
    const sibling = escalationOf('esc-b', { recordId: 'LCS-200001' });
    const otherSystem = escalationOf('esc-c', { system: 'Mosaic' });
    const second = escalationOf('esc-2', { displayName: undefined });
    await local().set({
      [escalationKey(example.id)]: example,
      [escalationKey(second.id)]: { ...second, differenceStartedAt: '2026-11-04T09:00:00.000Z' },
      [escalationKey(sibling.id)]: sibling,
      [escalationKey(otherSystem.id)]: otherSystem,
      // This child's, but damaged: left out, as every page leaves out an entry that fails its schema.
      [escalationKey('esc-bad')]: { ...escalationOf('esc-bad'), revision: 'two' },
      [storageKeys.settings]: { dueSoonLeadWorkingDays: 2 },
    });
    await writePageContext(7, pageOf(childA));
    const to = await background();

    const answer = await sendMessage(to(panelIn(7)), panelFirstScreen, {});
    expect(answer.tabId).toBe(7);
    expect(answer.page?.child?.recordId).toBe(childA.recordId);
    expect(answer.settings.dueSoonLeadWorkingDays).toBe(2);
    expect(answer.settings.activePolicy).toEqual({ id: 'pan-berkshire', version: 'March 2026' });
    expect(answer.escalations.map((escalation) => escalation.id)).toEqual(['esc-2', example.id]);
  });

  it('parses only this child’s stored escalations, each once', () => {
    // Each stored value counts the reads of its revision, which only parsing it reads.
    const reads = new Map<string, number>();
    const counted = (escalation: Escalation) => {
      const value: Record<string, unknown> = { ...escalation };
      delete value.revision;
      Object.defineProperty(value, 'revision', {
        enumerable: true,
        get: () => {
          reads.set(escalation.id, (reads.get(escalation.id) ?? 0) + 1);
          return escalation.revision;
        },
      });
      return value;
    };
    const others = Array.from({ length: 50 }, (_, index) =>
      escalationOf(`esc-other-${index}`, { recordId: `LCS-3${index}` }),
    );
    const snapshot = Object.fromEntries(
      [example, ...others].map((escalation) => [escalationKey(escalation.id), counted(escalation)]),
    );
    const parsed: ParsedEscalations = new WeakMap();
    expect(escalationsOf(snapshot, childA, parsed).map((escalation) => escalation.id)).toEqual([example.id]);
    expect(escalationsOf(snapshot, childA, parsed)).toHaveLength(1);
    expect([...reads]).toEqual([[example.id, 1]]);
  });

  it('answers the panel in a page’s frame only: a content script, or an extension page in no frame, is refused', async () => {
    await local().set({ [escalationKey(example.id)]: example });
    await writePageContext(7, pageOf(childA));
    const to = await background();

    const fromPage = { id: 'ext', url: 'https://lcs.example.org/person/104233', tab: { id: 7 }, frameId: 0 };
    await expect(sendMessage(to(fromPage), panelFirstScreen, {})).rejects.toMatchObject({
      code: 'forbidden',
    });
    const popup = { id: 'ext', url: `${self.origin}popup.html` };
    await expect(sendMessage(to(popup), panelFirstScreen, {})).rejects.toMatchObject({ code: 'forbidden' });
    const topFrame = { ...panelIn(7), frameId: 0 };
    await expect(sendMessage(to(topFrame), panelFirstScreen, {})).rejects.toMatchObject({
      code: 'forbidden',
    });
    const otherExtension = { ...panelIn(7), id: 'someone-else' };
    await expect(sendMessage(to(otherExtension), panelFirstScreen, {})).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('answers a panel beside a page without the overlay with no page and no escalations', async () => {
    await local().set({ [escalationKey(example.id)]: example });
    const answer = await sendMessage((await background())(panelIn(9)), panelFirstScreen, {});
    expect(answer).toMatchObject({ tabId: 9, page: null, escalations: [] });
  });

  it('is refused by the panel when the reply is not of its shape', async () => {
    const reply = (value: unknown) => async () => ({ ok: true, value });
    const good = { tabId: 7, page: null, settings: (await firstAnswer()).settings, escalations: [example] };
    await expect(sendMessage(reply(good), panelFirstScreen, {})).resolves.toMatchObject({ tabId: 7 });
    const damaged = { ...good, escalations: [{ ...example, revision: 'two' }] };
    const refused = sendMessage(reply(damaged), panelFirstScreen, {});
    await expect(refused).rejects.toBeInstanceOf(MessageError);
    await expect(refused).rejects.toMatchObject({ code: 'invalid-reply' });
  });
});

async function firstAnswer() {
  return sendMessage((await background())(panelIn(9)), panelFirstScreen, {});
}

/** A background and a page that the test answers by hand. */
function sources(first: () => Promise<ReturnType<typeof answerFor>>) {
  const listeners = new Set<(changes: Record<string, StorageChange>) => void>();
  let pageListener: (page: PageContext | null) => void = () => undefined;
  const source: PanelScreenSources = {
    ask: vi.fn(first),
    watchPage: vi.fn((_tabId, onChange) => {
      pageListener = onChange;
      return () => undefined;
    }),
    changes: {
      local: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
    },
    readSettings: vi.fn(async () => ({ ...settings, dueSoonLeadWorkingDays: 3 })),
  };
  return {
    source,
    change: (changes: Record<string, StorageChange>) => {
      for (const listener of listeners) listener(changes);
    },
    movePage: (page: PageContext | null) => pageListener(page),
  };
}

let settings: PanelScreen['settings'];
const answerFor = (page: PageContext | null, escalations: Escalation[]) => ({
  tabId: 7,
  page,
  settings,
  escalations,
});

describe('following the panel’s first screen', () => {
  it('shows the answer, then each change to this child’s escalations, parsing only what changed', async () => {
    settings = (await firstAnswer()).settings;
    const { source, change } = sources(async () => answerFor(pageOf(childA), [example]));
    const shown: PanelScreen[] = [];
    const stop = followPanelScreen(source, (screen) => shown.push(screen), vi.fn());
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    expect(shown[0]?.escalations).toEqual([example]);
    expect(source.watchPage).toHaveBeenCalledWith(7, expect.any(Function));

    const changed = { ...example, revision: example.revision + 1 };
    change({ [escalationKey(example.id)]: { newValue: changed } });
    expect(shown.at(-1)?.escalations).toEqual([changed]);
    // Another child's escalation is no concern of this panel.
    change({ [escalationKey('esc-b')]: { newValue: escalationOf('esc-b', { recordId: 'LCS-200001' }) } });
    expect(shown).toHaveLength(2);
    change({ [escalationKey(example.id)]: { oldValue: changed } });
    expect(shown.at(-1)?.escalations).toEqual([]);

    change({ [storageKeys.settings]: { newValue: { dueSoonLeadWorkingDays: 3 } } });
    await vi.waitFor(() => expect(shown.at(-1)?.settings.dueSoonLeadWorkingDays).toBe(3));
    expect(source.ask).toHaveBeenCalledTimes(1);
    stop();
  });

  it('follows the page to another child: that child’s escalations are asked for, none shown meanwhile', async () => {
    settings = (await firstAnswer()).settings;
    const childB = { ...childA, recordId: 'LCS-200001' };
    const ofB = escalationOf('esc-b', childB);
    let answerB: (answer: ReturnType<typeof answerFor>) => void = () => undefined;
    const answers = [
      async () => answerFor(pageOf(childA), [example]),
      () => new Promise<ReturnType<typeof answerFor>>((resolve) => (answerB = resolve)),
    ];
    const { source, change, movePage } = sources(() => (answers.shift() ?? answers[0])?.() as never);
    const shown: PanelScreen[] = [];
    followPanelScreen(source, (screen) => shown.push(screen), vi.fn());
    await vi.waitFor(() => expect(shown).toHaveLength(1));

    movePage(pageOf(childB));
    expect(shown.at(-1)).toMatchObject({ page: pageOf(childB), escalations: undefined });
    expect(source.ask).toHaveBeenCalledTimes(2);
    // Heard while the answer was on its way, and maybe read before it: set again over it.
    const later = { ...ofB, revision: ofB.revision + 1 };
    change({ [escalationKey(ofB.id)]: { newValue: later } });
    answerB(answerFor(pageOf(childB), [ofB]));
    await vi.waitFor(() => expect(shown.at(-1)?.escalations).toEqual([later]));
  });

  it('says so when the background cannot answer', async () => {
    const failed = vi.fn();
    const { source } = sources(async () => {
      throw new MessageError('failed', 'no background');
    });
    followPanelScreen(source, vi.fn(), failed);
    await vi.waitFor(() => expect(failed).toHaveBeenCalled());
  });
});

describe('following the panel’s screen from before its UI renders', () => {
  it('asks at once; a follower that comes later gets the latest screen at once, then each change', async () => {
    settings = (await firstAnswer()).settings;
    const { source, change } = sources(async () => answerFor(pageOf(childA), [example]));
    const follow = followingFromNow((show, failed) => followPanelScreen(source, show, failed));
    expect(source.ask).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(source.watchPage).toHaveBeenCalled());

    const shown: PanelScreen[] = [];
    const stop = follow((screen) => shown.push(screen), vi.fn());
    expect(shown.map((screen) => screen.escalations)).toEqual([[example]]);
    const changed = { ...example, revision: example.revision + 1 };
    change({ [escalationKey(example.id)]: { newValue: changed } });
    expect(shown.at(-1)?.escalations).toEqual([changed]);

    // Stopped and followed again, as React's strict mode does: nothing more is asked.
    stop();
    change({ [escalationKey(example.id)]: { oldValue: changed } });
    expect(shown).toHaveLength(2);
    const again: PanelScreen[] = [];
    follow((screen) => again.push(screen), vi.fn());
    expect(again.map((screen) => screen.escalations)).toEqual([[]]);
    expect(source.ask).toHaveBeenCalledTimes(1);
  });

  it('tells a follower that comes after the background failed to answer', async () => {
    const { source } = sources(async () => {
      throw new MessageError('failed', 'no background');
    });
    const early = vi.fn();
    const follow = followingFromNow((show, failed) => followPanelScreen(source, show, failed));
    follow(vi.fn(), early);
    await vi.waitFor(() => expect(early).toHaveBeenCalled());
    const later = vi.fn();
    follow(vi.fn(), later);
    expect(later).toHaveBeenCalledTimes(1);
  });
});

describe('the background’s copy of storage.local', () => {
  it('is read whole once, then kept from the changes heard, and read afresh for the alerts', async () => {
    await local().set({ a: 1 });
    const get = vi.spyOn(local(), 'get');
    const copy = new LocalCopy(local(), fakeChanges().local);
    expect(await copy.current()).toEqual({ a: 1 });
    await local().set({ a: 3, b: 2 });
    expect(await copy.current()).toEqual({ a: 3, b: 2 });
    expect(get).toHaveBeenCalledTimes(1);

    expect(await copy.area.get(null)).toEqual({ a: 3, b: 2 });
    expect(get).toHaveBeenCalledTimes(2);
    await copy.area.get(storageKeys.notificationsHandled);
    expect(get).toHaveBeenLastCalledWith(storageKeys.notificationsHandled);
  });

  it('sets a change heard while it reads over what it read', async () => {
    await local().set({ a: 1 });
    let release: () => void = () => undefined;
    const slow: LocalArea = {
      ...local(),
      get: async (keys) => {
        const read = await local().get(keys);
        await new Promise<void>((resolve) => (release = resolve));
        return read;
      },
    };
    const copy = new LocalCopy(slow, fakeChanges().local);
    const reading = copy.current();
    await vi.waitFor(() => expect(release).not.toBe(undefined));
    await local().set({ a: 2 });
    release();
    expect(await reading).toEqual({ a: 2 });
  });
});
