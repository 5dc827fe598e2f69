import type { Escalation } from '@/lib/escalation';
import { escalationSchema } from '@/lib/escalation/schema';
import type { ReplyOf } from '@/lib/messaging';
import type { PageContext } from '@/lib/overlay/page-context';
import type { Settings } from '@/lib/settings/schema';
import type { LocalChangeEvent, StorageChange } from '@/lib/storage/area';
import { escalationKey, isEscalationKey, type StorageSnapshot, storageKeys } from '@/lib/storage/keys';
import * as z from '../schema/zod';
import { type ChildKey, childKeyOf, sameChild } from './child-reference';
import type { panelFirstScreen } from './panel-messages';

/**
 * The panel's first screen: what the background answers from its copy of
 * storage (only the escalations of the child on the page, each parsed once),
 * and how the panel keeps it up to date from there, parsing only what changed.
 */

export type FirstScreen = ReplyOf<typeof panelFirstScreen>;

/** Escalations already parsed, by the stored value each was parsed from (stored values are never changed in place). */
export type ParsedEscalations = WeakMap<object, Escalation | undefined>;

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : undefined);

/**
 * Whether a stored value is an escalation about this child, looked at before
 * it is parsed, so that 2,000 other children's escalations are never parsed.
 * The schema trims, so the stored text is compared trimmed.
 */
function mayBeAbout(value: unknown, child: ChildKey): value is object {
  if (typeof value !== 'object' || value === null || !('child' in value)) return false;
  const about = value.child;
  if (typeof about !== 'object' || about === null) return false;
  return (
    'recordId' in about &&
    'system' in about &&
    trimmed(about.recordId) === child.recordId &&
    trimmed(about.system) === child.system
  );
}

function parsedEscalation(value: object, parsed: ParsedEscalations | undefined): Escalation | undefined {
  if (parsed?.has(value)) return parsed.get(value);
  const result = z.safeParse(escalationSchema, value);
  const escalation = result.success ? result.data : undefined;
  parsed?.set(value, escalation);
  return escalation;
}

/** The stored escalations of this child that pass their schema, newest first; one that fails is left out, as every page leaves it. */
export function escalationsOf(
  snapshot: StorageSnapshot,
  child: ChildKey | undefined,
  parsed?: ParsedEscalations,
): Escalation[] {
  if (!child) return [];
  const escalations: Escalation[] = [];
  for (const [key, value] of Object.entries(snapshot)) {
    if (!isEscalationKey(key) || !mayBeAbout(value, child)) continue;
    const escalation = parsedEscalation(value, parsed);
    if (escalation && sameChild(escalation.child, child)) escalations.push(escalation);
  }
  return escalations.sort((a, b) => b.differenceStartedAt.localeCompare(a.differenceStartedAt));
}

/** This child's escalations after a storage change, each changed entry parsed on its own; the same array when none of them changed. */
export function withEscalationChanges(
  escalations: readonly Escalation[],
  changes: Record<string, StorageChange>,
  child: ChildKey | undefined,
): readonly Escalation[] {
  let next = escalations;
  for (const [key, { newValue }] of Object.entries(changes)) {
    if (!isEscalationKey(key)) continue;
    const kept = next.filter((escalation) => escalationKey(escalation.id) !== key);
    const changed = child && mayBeAbout(newValue, child) ? parsedEscalation(newValue, undefined) : undefined;
    if (changed && sameChild(changed.child, child)) next = [...kept, changed];
    else if (kept.length !== next.length) next = kept;
  }
  return next === escalations
    ? escalations
    : [...next].sort((a, b) => b.differenceStartedAt.localeCompare(a.differenceStartedAt));
}

/** What the panel shows: its page, the settings, and the escalations of the page's child. */
export interface PanelScreen {
  tabId: number;
  page: PageContext | null;
  settings: Settings;
  /** The page's child's escalations; undefined while they are asked for, the page having moved to another child. */
  escalations: readonly Escalation[] | undefined;
}

export interface PanelScreenSources {
  /** The first screen, in one answer from the background. */
  ask(): Promise<FirstScreen>;
  /** Every change of the page in this tab, as the background announces it; returns the function that stops. */
  watchPage(tabId: number, onChange: (page: PageContext | null) => void): () => void;
  changes: { local: LocalChangeEvent; managed?: LocalChangeEvent };
  /** The settings in force, read afresh after they changed. */
  readSettings(): Promise<Settings>;
}

const concernsSettings = (changes: Record<string, StorageChange>) => storageKeys.settings in changes;

/**
 * Shows the first screen as soon as the background answers, then every
 * change: the page moving on (to another child: that child's escalations are
 * asked for), an escalation changing (only the changed entries are parsed),
 * the settings changing. A change heard while an answer is on its way is set
 * again over the answer, which may have been read before it. Returns the
 * function that stops; `failed` is called when the background cannot answer.
 */
export function followPanelScreen(
  sources: PanelScreenSources,
  show: (screen: PanelScreen) => void,
  failed: () => void,
): () => void {
  let screen: PanelScreen | undefined;
  let following = true;
  let stopPage: (() => void) | undefined;
  let asked = 0;
  /** Changes heard since an answer was asked for; undefined when none is awaited. */
  let heard: Record<string, StorageChange>[] | undefined;
  let pageMovedSinceAsked = false;
  let settingsRead = 0;

  const update = (next: PanelScreen) => {
    screen = next;
    show(next);
  };

  const readSettings = () => {
    const current = ++settingsRead;
    void sources.readSettings().then(
      (settings) => {
        if (following && current === settingsRead && screen) update({ ...screen, settings });
      },
      () => undefined,
    );
  };

  const onPage = (page: PageContext | null) => {
    if (!screen) return;
    const sameChildShown = sameChild(childKeyOf(page), childKeyOf(screen.page));
    pageMovedSinceAsked = heard !== undefined;
    update({ ...screen, page, escalations: sameChildShown ? screen.escalations : undefined });
    if (!sameChildShown) ask();
  };

  function ask() {
    const current = ++asked;
    heard ??= [];
    pageMovedSinceAsked = false;
    sources.ask().then(
      (answer) => {
        if (!following || current !== asked) return;
        const page = screen && pageMovedSinceAsked ? screen.page : answer.page;
        // The page moved to another child again while this was asked: ask for that one.
        if (!sameChild(childKeyOf(page), childKeyOf(answer.page))) return ask();
        const changes = heard ?? [];
        heard = undefined;
        const child = childKeyOf(page);
        let escalations: readonly Escalation[] = answer.escalations;
        for (const changed of changes) escalations = withEscalationChanges(escalations, changed, child);
        const first = !screen;
        update({ tabId: answer.tabId, page, settings: answer.settings, escalations });
        if (first) stopPage = sources.watchPage(answer.tabId, onPage);
        if (changes.some(concernsSettings)) readSettings();
      },
      () => {
        if (following && current === asked) failed();
      },
    );
  }

  const onLocal = (changes: Record<string, StorageChange>) => {
    heard?.push(changes);
    if (screen?.escalations && Object.keys(changes).some(isEscalationKey)) {
      const escalations = withEscalationChanges(screen.escalations, changes, childKeyOf(screen.page));
      if (escalations !== screen.escalations) update({ ...screen, escalations });
    }
    if (screen && concernsSettings(changes)) readSettings();
  };

  sources.changes.local.addListener(onLocal);
  sources.changes.managed?.addListener(readSettings);
  ask();
  return () => {
    following = false;
    stopPage?.();
    sources.changes.local.removeListener(onLocal);
    sources.changes.managed?.removeListener(readSettings);
  };
}

/** How the panel follows its screen (`followPanelScreen` with its sources bound); returns the function that stops. */
export type FollowScreen = (show: (screen: PanelScreen) => void, failed: () => void) => () => void;

/**
 * Starts following now, as the panel's page runs and before its UI first
 * renders, so that the background's answer is on its way while React renders
 * the frame. Whoever follows from then on gets the latest screen at once (or
 * the failure), then every change. The following itself lasts as long as the
 * panel's page, so a follower that stops and follows again (React's strict
 * mode does) asks the background nothing more.
 */
export function followingFromNow(follow: FollowScreen): FollowScreen {
  type Follower = { show: (screen: PanelScreen) => void; failed: () => void };
  const followers = new Set<Follower>();
  let latest: { screen: PanelScreen } | 'failed' | undefined;
  follow(
    (screen) => {
      latest = { screen };
      for (const follower of followers) follower.show(screen);
    },
    () => {
      latest = 'failed';
      for (const follower of followers) follower.failed();
    },
  );
  return (show, failed) => {
    const follower = { show, failed };
    followers.add(follower);
    if (latest === 'failed') failed();
    else if (latest) show(latest.screen);
    return () => {
      followers.delete(follower);
    };
  };
}
