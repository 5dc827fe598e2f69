import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, test } from '@playwright/test';
import { DeadlineAlertService } from '../../lib/alerts/service';
import { stepDeadlines } from '../../lib/calendar';
import { type Escalation, startEscalation } from '../../lib/escalation';
import { accepted, draft, startContextAt } from '../../lib/escalation/testing';
import { panBerkshirePolicy } from '../../lib/policy';
import { TEST_CLOCK_KEY } from '../../lib/storage/keys';
import { chromiumExtensionFlags, chromiumFlags, findBrowser } from '../../scripts/browsers.mjs';
import { chromiumBuild, DEMO_SYSTEM, extensionReady, turnOnThisSite } from '../e2e/fixtures';
import { OverlayControls } from '../e2e/overlay';

/**
 * The timing half of `npm run bench` (scripts/bench.mjs builds, measures sizes
 * and checks budgets). Everything here runs the Chromium test build, which
 * pre-grants localhost so the demo site can be turned on without a prompt; the
 * production build differs only in that grant. Timings are compared as ratios
 * measured in the same run, never against absolute limits.
 */

const output = resolve(process.env.BENCH_TIMINGS ?? '.tmp/bench/timings.json');
const RECORD_ID = 'P101552';
const RECORD = `/children/${RECORD_ID}`;
/** The record's child has this many open escalations while the panel is timed: its first screen lists them. */
const CHILD_ESCALATIONS: number = 3;
// Twice the 20 the issue asked for: each load varies by about 15% on this machine, which left the
// ratio of two medians of 20 moving by about as much as its 5% budget from run to run.
const HOST_PAGE_LOADS = 40;
const PANEL_OPENS = 10;
const POPUP_OPENS = 7;
const BADGE_CHANGES = 5;
const COLD_STARTS = 5;
const DAY = 86_400_000;

/**
 * The fixed moments "now" is put at through the test build's clock seam (lib/clock), so no result
 * depends on the hour the bench runs: Wed 4 Nov 2026 (London on GMT), once inside working hours
 * (09:00–17:00), when notifications are shown, and once outside, when they wait. The data are made
 * at the first moment; `BENCH_DATA_AT=outside` makes them outside working hours instead. The badge
 * is timed at both.
 */
const MOMENTS = { inside: new Date('2026-11-04T11:00:00Z'), outside: new Date('2026-11-04T19:30:00Z') };
type Moment = keyof typeof MOMENTS;
const DATA_AT: Moment = process.env.BENCH_DATA_AT === 'outside' ? 'outside' : 'inside';
const LATER: Moment = DATA_AT === 'inside' ? 'outside' : 'inside';
const ORDER: Moment[] = [DATA_AT, LATER];

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const round = (value: number, places = 2) => Number(value.toFixed(places));

/**
 * The demo site's other name, a site never turned on. Chromium resolves it
 * without asking DNS, as it does 127.0.0.1, so only the overlay tells the two apart.
 */
const OTHER_HOST = 'localhost';

async function launch(extension: string | undefined): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'escalation-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findBrowser('chromium'),
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: extension ? chromiumExtensionFlags(extension) : chromiumFlags,
  });
  return { context, profile };
}

async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await extensionReady(worker);
  return new URL(worker.url()).host;
}

/**
 * A tab that opens the demo record again and again, each time from a blank
 * page: the tab and its renderer are kept, so each load measures the page and
 * what runs with it, not the start of a process or the last page's unloading.
 */
async function recordTab(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const scriptSeconds = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((entry) => entry.name === 'ScriptDuration')
      ?.value ?? 0;
  /** One load: the page's load time and the script time its main thread spent, in ms. */
  return async () => {
    // Each load in the foreground tab, as a practitioner's would be, and as the other side's was.
    await page.bringToFront();
    await page.goto('about:blank');
    const before = await scriptSeconds();
    await page.goto(url, { waitUntil: 'load' });
    // Long enough for the overlay, which the background runs once the page has loaded, and its find-child script.
    await page.waitForTimeout(400);
    const loadMs = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return navigation ? navigation.loadEventEnd - navigation.startTime : Number.NaN;
    });
    return { loadMs, scriptMs: ((await scriptSeconds()) - before) * 1000 };
  };
}

/**
 * From the launcher's click to, in the panel's frame, its heading being visible, and to its first
 * screen: the child's record ID and each of their escalations (or, with none, its "no escalation
 * yet" line), in ms. The blank copy's panel.html carries the same, so the same waits time both.
 */
async function openPanel(
  context: BrowserContext,
  extensionId: string,
  url: string,
): Promise<{ headingMs: number; firstScreenMs: number }> {
  // The overlay remembers an open panel across pages: start each measure from a closed one.
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(() => chrome.storage.local.remove('overlayLayout'));
  const page = await context.newPage();
  await page.goto(url);
  const overlay = await OverlayControls.attach(page);
  await overlay.waitFor('button', 'Escalations');
  const cdp = await context.newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodes } = await cdp.send('Accessibility.queryAXTree', {
    backendNodeId: root.backendNodeId,
    accessibleName: 'Escalations',
    role: 'button',
  });
  const backendNodeId = nodes.find((node) => node.backendDOMNodeId !== undefined)?.backendDOMNodeId;
  const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId });
  const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.border;
  const panelUrl = `chrome-extension://${extensionId}/panel.html`;
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame.url() === panelUrl });

  const started = performance.now();
  const since = (shown: Promise<unknown>) => shown.then(() => performance.now() - started);
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  const frame = await navigated;
  const escalationsShown =
    CHILD_ESCALATIONS === 0
      ? frame.getByText('No escalation has been started for this child.').waitFor({ state: 'visible' })
      : frame
          .getByRole('button', { name: /^Open the escalation with/ })
          .nth(CHILD_ESCALATIONS - 1)
          .waitFor({ state: 'visible' });
  const [headingMs, firstScreenMs] = await Promise.all([
    since(frame.getByRole('heading', { level: 1 }).waitFor({ state: 'visible' })),
    since(
      Promise.all([
        frame.getByTestId('record-id').filter({ hasText: RECORD_ID }).waitFor({ state: 'visible' }),
        escalationsShown,
      ]),
    ),
  ]);
  await page.close();
  return { headingMs, firstScreenMs };
}

/** Escalations started over the 30 days before `at`: the older ones overdue, the newest not yet due. */
function escalations(
  count: number,
  prefix: string,
  at: Date,
  child?: (typeof draft)['child'],
): Record<string, Escalation> {
  const now = at.getTime();
  const items: Record<string, Escalation> = {};
  for (let index = 0; index < count; index++) {
    const startedAt = new Date(now - ((index * 7) % 30) * DAY - index * 60_000).toISOString();
    const id = `${prefix}-${String(index).padStart(5, '0')}`;
    const context = { ...startContextAt(new Date(now).toISOString()), newId: () => id };
    items[`escalation:${id}`] = accepted(
      startEscalation(
        {
          ...draft,
          differenceStartedAt: startedAt,
          imminentRisk: { atRisk: false, answeredAt: startedAt },
          child: child ?? { ...draft.child, recordId: `P${prefix}${index}` },
        },
        context,
      ),
    );
  }
  return items;
}

/**
 * The popup's first render, as the user first sees it: from navigation start to
 * the list showing its first page (up to 50 rows) and "All open" counting every
 * open escalation, in ms.
 */
async function popupFirstRender(context: BrowserContext, extensionId: string, expected: number) {
  const page: Page = await context.newPage();
  await page.addInitScript(
    ({ rows, allOpen }) => {
      const record = () => {
        if (document.querySelectorAll('ul.rows > li').length < rows) return;
        const labels = [...document.querySelectorAll('.filters label')].map((label) => label.textContent);
        if (!labels.some((text) => text?.trim() === allOpen)) return;
        (window as unknown as { renderedAt: number }).renderedAt = performance.now();
        observer.disconnect();
      };
      const observer = new MutationObserver(record);
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    },
    { rows: Math.min(expected, 50), allOpen: `All open (${expected.toLocaleString('en-GB')})` },
  );
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const handle = await page.waitForFunction(() => (window as unknown as { renderedAt?: number }).renderedAt);
  const at = Number(await handle.jsonValue());
  await page.close();
  return at;
}

/** From writing one more overdue escalation to the badge showing the new count, timed in the worker. */
async function badgeUpdate(context: BrowserContext, item: Record<string, Escalation>): Promise<number> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(async (items) => {
    const before = await chrome.action.getBadgeText({});
    const started = performance.now();
    await chrome.storage.local.set(items);
    for (;;) {
      if ((await chrome.action.getBadgeText({})) !== before) return performance.now() - started;
      if (performance.now() - started > 10_000) throw new Error('The badge did not change');
    }
  }, item);
}

async function waitForBadge(context: BrowserContext, count: number) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(async (expected) => {
    const started = Date.now();
    while (Number((await chrome.action.getBadgeText({})) || 0) < expected) {
      if (Date.now() - started > 20_000) throw new Error('The badge never settled');
      await new Promise((done) => setTimeout(done, 50));
    }
  }, count);
}

/**
 * The background's start, from outside: in a page of the extension's origin that runs none of its
 * code (an icon opened as a page, so nothing there messages the background and wakes it), clear the
 * badge, then write one more overdue escalation to storage.local, and time from the write to the
 * badge being set again. `cold`: the worker is stopped first through the DevTools protocol
 * (`ServiceWorker.stopAllWorkers`, waiting for it to report "stopped"), so the storage change wakes
 * it and the time covers its start (loading and running background.js, reading storage) through
 * its first badge; otherwise the running worker, settled, answers the same change. In ms.
 */
async function backgroundStart(
  context: BrowserContext,
  extensionId: string,
  cold: boolean,
  item: Record<string, Escalation>,
): Promise<number> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/icon/16.png`);
  if (!cold) {
    // A worker just woken is still reading storage and keeping the popup's list: let it settle, so
    // this times the running worker's answer alone.
    await page.waitForTimeout(1_500);
  }
  await page.evaluate(() => chrome.action.setBadgeText({ text: '' }));
  if (cold) {
    const cdp = await context.newCDPSession(page);
    const states: string[] = [];
    let stopped: () => void = () => {};
    const whenStopped = new Promise<void>((done) => {
      stopped = done;
    });
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions) {
        if (!version.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) continue;
        states.push(version.runningStatus);
        if (version.runningStatus === 'stopped') stopped();
      }
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await Promise.race([
      whenStopped,
      page.waitForTimeout(10_000).then(() => {
        throw new Error(`The worker did not stop (${states.join(', ')})`);
      }),
    ]);
    await cdp.detach();
  }
  const elapsed = await page.evaluate(async (items) => {
    const started = performance.now();
    await chrome.storage.local.set(items);
    for (;;) {
      if ((await chrome.action.getBadgeText({})) !== '') return performance.now() - started;
      if (performance.now() - started > 20_000) throw new Error('The badge was never set');
    }
  }, item);
  await page.close();
  return elapsed;
}

/** Puts the test build's "now" at `at` (lib/clock); the background recomputes when it moves. */
async function setClock(context: BrowserContext, at: Date) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(([key, moment]) => chrome.storage.session.set({ [key]: moment - Date.now() }), [
    TEST_CLOCK_KEY,
    at.getTime(),
  ] as const);
}

/**
 * The background's recompute in Node: DeadlineAlertService.refresh over a fake
 * storage.local that remembers nothing, at the working-hours moment, so each
 * refresh finds every step newly due or overdue; with the notifications each made.
 */
async function refreshInNode(
  items: Record<string, unknown>,
): Promise<{ times: number[]; notified: number[] }> {
  const ignore = async () => undefined;
  let created = 0;
  const service = new DeadlineAlertService({
    area: { get: async () => items, set: ignore, remove: ignore },
    managed: { get: async () => ({}) },
    action: { setBadgeText: ignore, setBadgeBackgroundColor: ignore, setTitle: ignore },
    notifications: {
      create: async (id) => {
        created++;
        return id;
      },
    },
    alarms: { create: ignore, clear: async () => true },
    clock: { now: () => MOMENTS.inside, realTimeOf: (instant) => instant.getTime() },
    iconUrl: 'icon.png',
  });
  const times: number[] = [];
  const notified: number[] = [];
  for (let run = 0; run < 5; run++) {
    created = 0;
    const started = performance.now();
    await service.refresh();
    times.push(performance.now() - started);
    notified.push(created);
  }
  return { times, notified };
}

function stepDeadlinesRuns(count: number): number[] {
  const base = Date.parse('2025-01-06T09:30:00Z');
  const steps = panBerkshirePolicy.steps;
  const inputs = Array.from({ length: count }, (_, index) => {
    const startedAt = new Date(base + ((index * 37) % 700) * DAY + (index % 480) * 60_000);
    const completed = index % (steps.length + 1);
    const stepsCompletedAt = Object.fromEntries(
      steps
        .slice(0, completed)
        .map((step, position) => [step.id, new Date(startedAt.getTime() + position * DAY)]),
    );
    return { startedAt, history: { stepsCompletedAt } };
  });
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    for (const { startedAt, history } of inputs)
      stepDeadlines(startedAt, panBerkshirePolicy, undefined, history);
    times.push(performance.now() - started);
  }
  return times;
}

type PanelTimes = { headingMs: number; firstScreenMs: number };
const panelFigures = (panel: PanelTimes[], blank: PanelTimes[], key: keyof PanelTimes) => ({
  panelMs: round(median(panel.map((times) => times[key]))),
  blankPageMs: round(median(blank.map((times) => times[key]))),
  ratio: round(median(panel.map((times) => times[key])) / median(blank.map((times) => times[key])), 3),
  samples: {
    panel: panel.map((times) => round(times[key])),
    blank: blank.map((times) => round(times[key])),
  },
});

/**
 * The background's start against its running answer to the same change, alternated, each change
 * one more escalation ten days overdue at `at`; with how many escalations were stored.
 */
async function startSamples(context: BrowserContext, extensionId: string, at: Date, label: string) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const stored = await worker.evaluate(
    async () =>
      Object.keys(await chrome.storage.local.get(null)).filter((key) => key.startsWith('escalation:')).length,
  );
  const tenDaysBefore = new Date(at.getTime() - 10 * DAY);
  const cold: number[] = [];
  const warm: number[] = [];
  // One of each first, not counted: the first stop and the first page of the icon.
  await backgroundStart(
    context,
    extensionId,
    false,
    escalations(1, `start-${label}-warmup-a`, tenDaysBefore),
  );
  await backgroundStart(context, extensionId, true, escalations(1, `start-${label}-warmup-b`, tenDaysBefore));
  for (let run = 0; run < COLD_STARTS; run++) {
    warm.push(
      await backgroundStart(
        context,
        extensionId,
        false,
        escalations(1, `start-${label}-warm-${run}`, tenDaysBefore),
      ),
    );
    cold.push(
      await backgroundStart(
        context,
        extensionId,
        true,
        escalations(1, `start-${label}-cold-${run}`, tenDaysBefore),
      ),
    );
  }
  return {
    escalations: stored + 1,
    coldMs: round(median(cold)),
    runningMs: round(median(warm)),
    ratio: round(median(cold) / median(warm), 3),
    samples: { cold: cold.map((time) => round(time)), running: warm.map((time) => round(time)) },
  };
}

test('bench: host-page cost, panel open, popup and background at scale', async ({ baseURL }) => {
  const recordUrl = `${baseURL}${RECORD}`;
  const opened: { context: BrowserContext; profile: string }[] = [];
  const open = async (extension: string | undefined) => {
    const launched = await launch(extension);
    opened.push(launched);
    return launched.context;
  };

  // A copy of the test build whose panel.html is a blank extension page with what the panel's
  // first screen shows, as static HTML: the same heading, the child's record ID and an item with the
  // same button for each of their escalations. The same launcher, content script and iframe,
  // without the panel's React app, its data or its messages.
  const blankBuild = resolve('.tmp/bench/chrome-mv3-test-blank-panel');
  rmSync(blankBuild, { recursive: true, force: true });
  cpSync(chromiumBuild, blankBuild, { recursive: true });
  const blankItems = Array.from(
    { length: CHILD_ESCALATIONS },
    () => '<li><button type="button">Open the escalation with an agency</button></li>',
  ).join('');
  writeFileSync(
    join(blankBuild, 'panel.html'),
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Blank</title></head>' +
      '<body><main><h1>Professional disagreement escalation</h1>' +
      `<dl><dt>Record ID</dt><dd data-testid="record-id">${RECORD_ID}</dd></dl>` +
      (CHILD_ESCALATIONS === 0
        ? '<p>No escalation has been started for this child.</p>'
        : `<ul>${blankItems}</ul>`) +
      '</main></body></html>\n',
  );

  try {
    const withExtension = await open(chromiumBuild);
    const withoutExtension = await open(undefined);
    const extensionId = await extensionIdOf(withExtension);
    const dataAt = MOMENTS[DATA_AT];
    await setClock(withExtension, dataAt);
    const first = await withExtension.newPage();
    await first.goto(recordUrl);
    await turnOnThisSite(first, extensionId);
    // Warm-up (not counted), and proof that the overlay is on in the "with" browser.
    await first.reload();
    await (await OverlayControls.attach(first)).waitFor('button', 'Escalations');
    await first.close();
    const elsewhereUrl = recordUrl.replace('127.0.0.1', OTHER_HOST);
    const tabWith = await recordTab(withExtension, recordUrl);
    const tabWithout = await recordTab(withExtension, elsewhereUrl);
    const tabNoExtension = await recordTab(withoutExtension, recordUrl);
    for (const load of [tabWith, tabWithout, tabNoExtension]) await load();

    // Host-page cost, alternated in pairs whose order swaps each time (with, without; without,
    // with), so neither side gains from going first or from the machine warming or tiring:
    // - with: the record on the site the extension is turned on for (the overlay, find-child);
    // - without: the same record, same browser and extension, on a host name not turned on (the budget);
    // - no extension: a second Chromium with no extension at all, after each pair (reported, not
    //   budgeted: two browsers on two cores also measure each other).
    type Sample = { loadMs: number; scriptMs: number };
    const hostWith: Sample[] = [];
    const hostWithout: Sample[] = [];
    const hostNoExtension: Sample[] = [];
    const withSide = async () => hostWith.push(await tabWith());
    const withoutSide = async () => hostWithout.push(await tabWithout());
    for (let index = 0; index < HOST_PAGE_LOADS; index++) {
      for (const load of index % 2 === 0 ? [withSide, withoutSide] : [withoutSide, withSide]) await load();
      hostNoExtension.push(await tabNoExtension());
    }
    await withoutExtension.close();

    // Panel open against a blank extension page in the same iframe, alternated, with the record's
    // child having open escalations, which the panel's first screen lists.
    const recordChild = { system: DEMO_SYSTEM, recordId: RECORD_ID, recordUrl };
    const childItems = escalations(CHILD_ESCALATIONS, 'child', dataAt, recordChild);
    const withWorker =
      withExtension.serviceWorkers()[0] ?? (await withExtension.waitForEvent('serviceworker'));
    await withWorker.evaluate((items) => chrome.storage.local.set(items), childItems);
    const blank = await open(blankBuild);
    const blankId = await extensionIdOf(blank);
    const blankFirst = await blank.newPage();
    await blankFirst.goto(recordUrl);
    await turnOnThisSite(blankFirst, blankId);
    await blankFirst.close();
    await openPanel(withExtension, extensionId, recordUrl);
    await openPanel(blank, blankId, recordUrl);
    const panelTimes: { headingMs: number; firstScreenMs: number }[] = [];
    const blankTimes: { headingMs: number; firstScreenMs: number }[] = [];
    for (let index = 0; index < PANEL_OPENS; index++) {
      panelTimes.push(await openPanel(withExtension, extensionId, recordUrl));
      blankTimes.push(await openPanel(blank, blankId, recordUrl));
    }
    await withWorker.evaluate((keys) => chrome.storage.local.remove(keys), Object.keys(childItems));

    // The background's start with 20 stored escalations, in the blank copy (the same background.js),
    // whose worker nothing else uses now: the storage change that wakes a stopped worker, against the
    // same change answered by the running worker, alternated. Last in this browser, since a stopped
    // worker leaves Playwright's handle on it dead.
    await setClock(blank, dataAt);
    const blankWorker = blank.serviceWorkers()[0] ?? (await blank.waitForEvent('serviceworker'));
    await blankWorker.evaluate((items) => chrome.storage.local.set(items), {
      storageVersion: 1,
      ...escalations(20, 'few', dataAt),
    });
    await waitForBadge(blank, 1);
    const startFew = await startSamples(blank, blankId, dataAt, 'few');
    await blank.close();

    // Scale: the popup with 20 and with 2,000 stored escalations, and the badge over 2,000.
    const worker = withExtension.serviceWorkers()[0] ?? (await withExtension.waitForEvent('serviceworker'));
    const few = escalations(20, 'few', dataAt);
    await worker.evaluate((items) => chrome.storage.local.set(items), { storageVersion: 1, ...few });
    await waitForBadge(withExtension, 1);
    await popupFirstRender(withExtension, extensionId, 20);
    const popup20: number[] = [];
    for (let run = 0; run < POPUP_OPENS; run++)
      popup20.push(await popupFirstRender(withExtension, extensionId, 20));

    const many = escalations(1_980, 'many', dataAt);
    const bytesPerEscalation = JSON.stringify(few).length / 20;
    await worker.evaluate((items) => chrome.storage.local.set(items), many);
    const all = { storageVersion: 1, ...few, ...many };
    const expectedBadge = await worker.evaluate(async () =>
      Number((await chrome.action.getBadgeText({})) || 0),
    );
    await waitForBadge(withExtension, expectedBadge);
    await popupFirstRender(withExtension, extensionId, 2_000);
    const popup2000: number[] = [];
    for (let run = 0; run < POPUP_OPENS; run++) {
      popup2000.push(await popupFirstRender(withExtension, extensionId, 2_000));
    }

    // Let the 1,980 writes' recompute settle before timing single changes, then time them at each
    // moment: one more escalation, ten days overdue at that moment, per change.
    await withExtension.pages()[0]?.waitForTimeout(1_500);
    const badgeTimes: Record<Moment, number[]> = { inside: [], outside: [] };
    for (const moment of ORDER) {
      const at = MOMENTS[moment];
      if (at !== dataAt) {
        await setClock(withExtension, at);
        // The move recomputes everything (and, into working hours, shows what waited): let it settle.
        await withExtension.pages()[0]?.waitForTimeout(2_000);
      }
      for (let run = 0; run < BADGE_CHANGES; run++) {
        const tenDaysBefore = new Date(at.getTime() - 10 * DAY);
        badgeTimes[moment].push(
          await badgeUpdate(withExtension, escalations(1, `late-${moment}-${run}`, tenDaysBefore)),
        );
      }
    }
    // The background's start with the 2,000 and the badge changes' escalations stored: last, as above.
    const startMany = await startSamples(withExtension, extensionId, MOMENTS[LATER], 'many');
    const nodeRefresh = await refreshInNode(all);
    const badgeAt = (moment: Moment) => ({
      at: MOMENTS[moment].toISOString(),
      medianMs: round(median(badgeTimes[moment])),
      maxMs: round(Math.max(...badgeTimes[moment])),
      samples: badgeTimes[moment].map((time) => round(time)),
    });
    const deadlines = stepDeadlinesRuns(10_000);

    const loadWith = median(hostWith.map((sample) => sample.loadMs));
    const loadWithout = median(hostWithout.map((sample) => sample.loadMs));
    const scriptWith = median(hostWith.map((sample) => sample.scriptMs));
    const scriptWithout = median(hostWithout.map((sample) => sample.scriptMs));
    const loadNone = median(hostNoExtension.map((sample) => sample.loadMs));
    const scriptNone = median(hostNoExtension.map((sample) => sample.scriptMs));
    const results = {
      build: 'chrome-mv3-test (Chromium test build: production plus a pre-granted localhost)',
      browser: withExtension.browser()?.version() ?? 'chromium',
      hostPage: {
        loads: HOST_PAGE_LOADS,
        loadMs: {
          with: round(loadWith),
          without: round(loadWithout),
          ratio: round(loadWith / loadWithout, 3),
        },
        scriptMs: {
          with: round(scriptWith),
          without: round(scriptWithout),
          ratio: round(scriptWith / scriptWithout, 3),
          addedMs: round(scriptWith - scriptWithout),
        },
        without: `the same record on ${OTHER_HOST} (same browser and extension, site not turned on)`,
        noExtension: {
          loadMs: round(loadNone),
          scriptMs: round(scriptNone),
          loadRatio: round(loadWith / loadNone, 3),
          scriptAddedMs: round(scriptWith - scriptNone),
        },
        samples: { with: hostWith, without: hostWithout, noExtension: hostNoExtension },
      },
      panelOpen: {
        opens: PANEL_OPENS,
        childEscalations: CHILD_ESCALATIONS,
        heading: panelFigures(panelTimes, blankTimes, 'headingMs'),
        firstScreen: panelFigures(panelTimes, blankTimes, 'firstScreenMs'),
      },
      backgroundStart: {
        measure:
          'from an extension page running none of its code: storage.local.set of one more overdue escalation to the badge set, the worker stopped first (ServiceWorker.stopAllWorkers) or running',
        starts: COLD_STARTS,
        few: startFew,
        many: startMany,
      },
      popup: {
        opens: POPUP_OPENS,
        with20Ms: round(median(popup20)),
        with2000Ms: round(median(popup2000)),
        ratio: round(median(popup2000) / median(popup20), 3),
        bytesPerEscalation: Math.round(bytesPerEscalation),
      },
      clock: {
        measure: 'the test build\'s "now", put through its clock seam (lib/clock); the data made at dataAt',
        dataAt: dataAt.toISOString(),
        inside: MOMENTS.inside.toISOString(),
        outside: MOMENTS.outside.toISOString(),
      },
      badge: {
        measure:
          'in the browser: from storage.local.set of one more overdue escalation to the badge text changing',
        escalations: 2_001,
        insideWorkingHours: badgeAt('inside'),
        outsideWorkingHours: badgeAt('outside'),
        nodeRefreshMs: round(median(nodeRefresh.times)),
        nodeNotificationsPerRefresh: Math.max(...nodeRefresh.notified),
        nodeMeasure:
          'in Node: DeadlineAlertService.refresh over a fake storage.local holding 2,000 escalations, at the working-hours moment, remembering nothing',
      },
      stepDeadlines: {
        escalations: 10_000,
        medianMs: round(median(deadlines)),
        microsecondsEach: round((median(deadlines) * 1000) / 10_000),
      },
    };
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    for (const { context, profile } of opened) {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    }
  }
});
