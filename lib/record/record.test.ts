import { describe, expect, it } from 'vitest';
import {
  type Escalation,
  moveAheadOfTimescale,
  moveToNextStep,
  recordDiscussion,
  reopenEscalation,
  startEscalation,
  tickDuty,
  withdrawEscalation,
} from '../escalation';
import {
  accepted,
  contextAt,
  discussionAt,
  draft,
  startContextAt,
  startedEscalation,
  teamManager,
} from '../escalation/testing';
import { panBerkshirePolicy } from '../policy';
import { escalationAtStage2, resolvedEscalation } from './examples';
import {
  formatRecord,
  formatRecordHtml,
  formatRecordParts,
  type RecordOptions,
  recordHeading,
  recordTextAsHtml,
} from './index';

const policy = panBerkshirePolicy;
const thursdayMorning = new Date('2026-11-05T09:30:00Z');
const full: RecordOptions = { mode: 'full', now: thursdayMorning };
const latest: RecordOptions = { mode: 'latest', now: thursdayMorning };

/** Someone entering markup, quotes and ampersands into every free-text field they can. */
function hostileEscalation(): Escalation {
  const markup = '<script>alert("x")</script>';
  const started = accepted(
    startEscalation(
      {
        ...draft,
        child: { ...draft.child, displayName: `<b>Child</b> "A" & 'B'` },
        otherParty: {
          agency: `Smith & Jones <Nursery>`,
          professional: { name: `O'Brien "Pat"`, role: 'Manager & Lead' },
        },
        concern: {
          ...draft.concern,
          disagreedWith: `Closing the case ${markup}`,
          facts: [{ fact: 'Said "no" & left <img src=x onerror=alert(1)>', source: "Dad's text" }],
          childsVoice: "“It's scary” & <i>loud</i>",
        },
      },
      startContextAt('2026-11-02T10:45:00Z'),
    ),
  );
  return accepted(
    recordDiscussion(
      started,
      discussionAt('2026-11-03T11:00:00Z', {
        summary: `First line & more\nSecond line ${markup}`,
        otherAgencyPosition: 'They\'d "wait & see"',
      }),
      contextAt('2026-11-03T11:30:00Z'),
    ),
  );
}

describe('formatRecord golden files', () => {
  it('writes the full record of an escalation at stage 2', async () => {
    await expect(formatRecord(escalationAtStage2(), policy, full)).toMatchFileSnapshot(
      './__golden__/full.txt',
    );
  });

  it('writes the full record of a resolved escalation', async () => {
    await expect(
      formatRecord(resolvedEscalation(), policy, { mode: 'full', now: new Date('2026-11-05T11:05:00Z') }),
    ).toMatchFileSnapshot('./__golden__/full-resolved.txt');
  });

  it('writes only the latest entry for a chronological case note', async () => {
    await expect(
      formatRecord(resolvedEscalation(), policy, { mode: 'latest', now: new Date('2026-11-05T11:05:00Z') }),
    ).toMatchFileSnapshot('./__golden__/latest.txt');
  });

  it('writes HTML with every entered string escaped', async () => {
    await expect(
      formatRecordHtml(hostileEscalation(), policy, { ...full, showChildNames: true }),
    ).toMatchFileSnapshot('./__golden__/full.html');
  });

  it('splits a long record into numbered parts', async () => {
    const parts = formatRecordParts(escalationAtStage2(), policy, { ...full, maxLength: 1500 });
    await expect(parts.join('\n\n======== next case note ========\n\n')).toMatchFileSnapshot(
      './__golden__/split-1500.txt',
    );
  });
});

describe('formatRecord', () => {
  it('starts with the fixed heading naming the stage and the policy', () => {
    expect(formatRecord(escalationAtStage2(), policy, full).split('\n')[0]).toBe(
      'PROFESSIONAL DIFFERENCE OF OPINION - STAGE 2 - Pan Berkshire, March 2026',
    );
    expect(recordHeading(policy, 4)).toBe(
      'PROFESSIONAL DIFFERENCE OF OPINION - STAGE 4 - Pan Berkshire, March 2026',
    );
  });

  it('is found by a case-note search typed with ASCII hyphens, and says once that times are UK time', () => {
    const text = formatRecord(escalationAtStage2(), policy, full);
    expect(text).toMatch(/^[\x20-\x7e]+\n/);
    expect(text.includes('DIFFERENCE OF OPINION - STAGE 2 - Pan Berkshire')).toBe(true);
    expect(text.match(/All times are UK time\./g)).toHaveLength(1);
    expect(formatRecord(escalationAtStage2(), policy, latest).match(/All times are UK time\./g)).toHaveLength(
      1,
    );
  });

  it('prints the child’s stored name only while names are shown', () => {
    const named = accepted(
      startEscalation(
        { ...draft, child: { ...draft.child, displayName: 'Child A' } },
        startContextAt('2026-11-02T10:45:00Z'),
      ),
    );
    const childLine = (options: RecordOptions) =>
      formatRecord(named, policy, options)
        .split('\n')
        .find((line) => line.startsWith('Child:'));
    expect(childLine({ ...full, showChildNames: true })).toBe(
      'Child: Child A – Liquidlogic LCS record LCS-104233',
    );
    // Turned off, or locked off by the organisation (the settings in force say false): the reference only.
    expect(childLine({ ...full, showChildNames: false })).toBe('Child: Liquidlogic LCS record LCS-104233');
    expect(childLine(full)).toBe('Child: Liquidlogic LCS record LCS-104233');
  });

  it('gives every step’s deadline, marking the steps passed over', () => {
    const atStage3 = accepted(
      moveAheadOfTimescale(
        startedEscalation(),
        { toStepId: '3', reason: 'New injuries seen today.' },
        contextAt('2026-11-02T11:00:00Z'),
      ),
    );
    const text = formatRecord(atStage3, policy, { mode: 'full', now: new Date('2026-11-02T12:00:00Z') });
    const list = text.split('Every step’s deadline:\n')[1]?.split('\n\n')[0];
    expect(list?.split('\n')).toEqual([
      '- Step 1a (due Tue 3 Nov 2026, 17:00): passed over, moved ahead of the timescale; its deadline no longer counts',
      '- Step 1b (due Wed 4 Nov 2026, 17:00): passed over, moved ahead of the timescale; its deadline no longer counts',
      '- Step 2 (due Thu 5 Nov 2026, 17:00): passed over, moved ahead of the timescale; its deadline no longer counts',
      '- Step 3 (due Fri 6 Nov 2026, 17:00): current step; not happened yet',
      '- Step 4 (due Tue 10 Nov 2026, 17:00): to come',
    ]);
  });

  it('gives the same text for the same escalation and moment', () => {
    expect(formatRecord(escalationAtStage2(), policy, full)).toBe(
      formatRecord(escalationAtStage2(), policy, full),
    );
  });

  it('says how long is left, or how overdue, at the moment it is produced', () => {
    expect(
      formatRecord(startedEscalation(), policy, { mode: 'full', now: new Date('2026-11-02T11:00:00Z') }),
    ).toContain('Deadline: Tue 3 Nov 2026, 17:00 (due in 1 working day)');
    const overdue = formatRecord(startedEscalation(), policy, {
      mode: 'full',
      now: new Date('2026-11-05T10:00:00Z'),
    });
    expect(overdue).toContain('Deadline: Tue 3 Nov 2026, 17:00 (overdue by 2 working days)');
    expect(overdue).toContain(
      [
        'Deadlines missed:',
        '- Step 1a (due Tue 3 Nov 2026, 17:00): not happened',
        '- Step 1b (due Wed 4 Nov 2026, 17:00): not happened',
      ].join('\n'),
    );
  });

  it('writes British Summer Time deadlines as London clocks show them', () => {
    const spring = accepted(
      startEscalation(
        {
          ...draft,
          differenceStartedAt: '2026-03-28T11:00:00Z',
          imminentRisk: {
            atRisk: true,
            answeredAt: '2026-03-28T11:05:00Z',
            actionTaken: 'Told my Safeguarding Lead.',
          },
        },
        startContextAt('2026-03-28T11:10:00Z'),
      ),
    );
    const record = formatRecord(spring, policy, { mode: 'full', now: new Date('2026-03-30T08:00:00Z') });
    expect(record).toContain('Deadline: Mon 30 Mar 2026, 17:00 (due today at 17:00)');
    expect(record).toContain(
      'Child at imminent risk: Yes (answered Sat 28 Mar 2026, 11:05)\nAction taken: Told my Safeguarding Lead.',
    );
  });

  it('names the author given, and the time the record was produced', () => {
    expect(formatRecord(escalationAtStage2(), policy, { ...full, author: teamManager })).toMatch(
      /Record produced by Jo Okafor, Team Manager, Reading Children's Services on Thu 5 Nov 2026, 09:30\.$/,
    );
  });

  it('keeps facts apart from opinion, and says when the child’s voice is not known', () => {
    const withoutVoice = accepted(
      startEscalation(
        { ...draft, concern: { ...draft.concern, childsVoice: undefined, opinions: [] } },
        startContextAt('2026-11-02T10:45:00Z'),
      ),
    );
    const record = formatRecord(withoutVoice, policy, full);
    expect(record).toContain("The child's voice: not known");
    expect(record).not.toContain('Professional opinion');
    expect(formatRecord(startedEscalation(), policy, full)).toContain(
      'Professional opinion (opinion, not fact):\n- The pattern suggests neglect is escalating.',
    );
  });
});

describe('formatRecord, latest entry', () => {
  it('records the start with the concern and the imminent-risk answer', () => {
    const record = formatRecord(startedEscalation(), policy, {
      mode: 'latest',
      now: new Date('2026-11-02T10:45:00Z'),
    });
    expect(record).toContain('\n\nCONCERN\n');
    expect(record).toContain('\n\nIMMINENT RISK\n');
    expect(record).not.toContain('STAGES AND STEPS');
  });

  it('records only the newest discussion', () => {
    const record = formatRecord(escalationAtStage2(), policy, { ...latest, mode: 'latest' });
    expect(record).toContain(
      'CORRECTION\nWed 4 Nov 2026, 16:00 – Sam Patel (Social Worker): Discussion 1 at step 1a amended.',
    );
    expect(record).toContain('DISCUSSION 1 – STAGE 1, STEP 1A\nWhen: Tue 3 Nov 2026, 11:15 (phone call)');
    expect(record).not.toContain('DISCUSSION 2');
    expect(record).not.toContain('CONCERN');
  });

  it('records a move to the next stage with who is involved there', () => {
    const discussed = accepted(
      recordDiscussion(
        startedEscalation(),
        discussionAt('2026-11-03T11:00:00Z'),
        contextAt('2026-11-03T11:30:00Z'),
      ),
    );
    const moved = accepted(moveToNextStep(discussed, {}, contextAt('2026-11-03T12:00:00Z')));
    const record = formatRecord(moved, policy, { mode: 'latest', now: new Date('2026-11-03T12:00:00Z') });
    expect(record).toContain(
      'MOVED TO STAGE 1, STEP 1B\nWhen: Tue 3 Nov 2026, 12:00\nStep: Discussion between line managers / team managers',
    );
    expect(record).toContain('Involved:\n- Line managers / team managers');
  });

  it('records a move ahead of the timescale with its reason', () => {
    const ahead = accepted(
      moveAheadOfTimescale(
        startedEscalation(),
        { toStepId: '2', reason: 'New injury seen today.' },
        contextAt('2026-11-02T11:00:00Z'),
      ),
    );
    const record = formatRecord(ahead, policy, { mode: 'latest', now: new Date('2026-11-02T11:00:00Z') });
    expect(record.split('\n')[0]).toBe(
      'PROFESSIONAL DIFFERENCE OF OPINION - STAGE 2 - Pan Berkshire, March 2026',
    );
    expect(record).toContain(
      'Reason for moving ahead of the timescale: New injury seen today.\nPassed over: step 1b',
    );
    expect(record).toContain(
      'Policy: Pan Berkshire: Resolving Professional Disagreement and Escalation, March 2026; urgent track',
    );
  });

  it('records a duty done, a withdrawal and a reopening', () => {
    const ticked = accepted(
      tickDuty(
        startedEscalation(),
        {
          dutyId: 'feed-back',
          doneAt: '2026-11-03T09:00:00Z',
          method: 'call',
          note: 'Told the nursery manager',
        },
        contextAt('2026-11-03T09:05:00Z'),
      ),
    );
    const now = new Date('2026-11-03T10:00:00Z');
    expect(formatRecord(ticked, policy, { mode: 'latest', now })).toContain(
      'DUTY DONE – STAGE 1, STEP 1A\nDuty: Any action agreed should be fed back immediately to the relevant practitioners and managers involved.\nDone: Tue 3 Nov 2026, 09:00, by phone call\nNote: Told the nursery manager',
    );
    const withdrawn = accepted(
      withdrawEscalation(ticked, { reason: 'Explained by the GP.' }, contextAt('2026-11-03T09:30:00Z')),
    );
    expect(formatRecord(withdrawn, policy, { mode: 'latest', now })).toContain(
      'WITHDRAWN\nWithdrawn: Tue 3 Nov 2026, 09:30\nReason: Explained by the GP.',
    );
    const reopened = accepted(
      reopenEscalation(withdrawn, { reason: 'New bruise.' }, contextAt('2026-11-03T09:50:00Z')),
    );
    expect(formatRecord(reopened, policy, { mode: 'latest', now })).toContain(
      'REOPENED\nTue 3 Nov 2026, 09:50 – Sam Patel (Social Worker): Reopened at step 1a (stage 1). Reason: New bruise.',
    );
  });
});

describe('formatRecordHtml', () => {
  const html = formatRecordHtml(hostileEscalation(), policy, { ...full, showChildNames: true });

  it('escapes markup, quotes and ampersands from every entered string', () => {
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>Child');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Smith &amp; Jones &lt;Nursery&gt;');
    expect(html).toContain('O&#39;Brien &quot;Pat&quot;');
    expect(html).toContain('First line &amp; more<br>Second line');
  });

  it('uses only paragraphs and line breaks, which every rich-text editor keeps', () => {
    const tags = new Set([...html.matchAll(/<\/?([a-z]+)[^>]*>/g)].map((match) => match[1]));
    expect([...tags].sort()).toEqual(['br', 'p']);
    expect(html).not.toMatch(/<p>\s*<\/p>|<p><br>/);
  });

  it('reads exactly like the plain text: a paragraph per section, a line break per line', () => {
    const text = formatRecord(escalationAtStage2(), policy, full);
    const htmlAsText = formatRecordHtml(escalationAtStage2(), policy, full)
      .replace(/<\/p><p>/g, '\n\n')
      .replace(/<br>/g, '\n')
      .replace(/<\/?p>/g, '')
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    expect(htmlAsText).toBe(text);
    expect(html.match(/<p>/g)?.length).toBe(
      formatRecord(hostileEscalation(), policy, full).split('\n\n').length,
    );
  });
});

describe('recordTextAsHtml', () => {
  it('writes one paragraph per section and never an empty one', () => {
    expect(recordTextAsHtml('HEADING\n\nA: 1\nB: <2>\n\n\n\nC\n \n')).toBe(
      '<p>HEADING</p><p>A: 1<br>B: &lt;2&gt;</p><p>C</p>',
    );
    expect(recordTextAsHtml('')).toBe('');
  });
});

describe('formatRecordParts', () => {
  it('gives one unnumbered part when the record fits', () => {
    const parts = formatRecordParts(escalationAtStage2(), policy, { ...full, maxLength: 100_000 });
    expect(parts).toEqual([formatRecord(escalationAtStage2(), policy, full)]);
  });

  it('keeps every part within the limit, numbered, with nothing lost or repeated', () => {
    const whole = formatRecord(escalationAtStage2(), policy, full);
    const parts = formatRecordParts(escalationAtStage2(), policy, { ...full, maxLength: 1500 });
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((part, index) => {
      expect(part.length).toBeLessThanOrEqual(1500);
      expect(part.split('\n')[0]).toBe(
        `PROFESSIONAL DIFFERENCE OF OPINION - STAGE 2 - Pan Berkshire, March 2026 (part ${index + 1} of ${parts.length})`,
      );
    });
    const body = (text: string) => text.split('\n').slice(1).join('\n').trim();
    // A section or list carried over to the next part is headed again there, "(continued)".
    const withoutCarriedHeadings = (text: string) =>
      text.replace(/\n\n[A-Z ]+ \(CONTINUED\)\n[^\n]*\(continued\):\n/g, '\n');
    expect(withoutCarriedHeadings(parts.map(body).join('\n\n'))).toBe(body(whole));
  });

  it('splits a single entry too long for one part at line boundaries, still numbered', () => {
    const longSummary = Array.from(
      { length: 60 },
      (_, index) => `Point ${index + 1}: the nursery reported a concern.`,
    ).join(' ');
    const escalation = accepted(
      recordDiscussion(
        startedEscalation(),
        discussionAt('2026-11-03T11:00:00Z', { summary: longSummary }),
        contextAt('2026-11-03T11:30:00Z'),
      ),
    );
    const parts = formatRecordParts(escalation, policy, { ...full, maxLength: 700 });
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(700);
    expect(parts.some((part) => part.includes('DISCUSSION 1 – STAGE 1, STEP 1A (CONTINUED)'))).toBe(true);
    // Every word of the summary survives, in order.
    const words = parts.join(' ').replace(/\s+/g, ' ');
    expect(words).toContain('Point 1: the nursery reported a concern.');
    expect(words).toContain('Point 60: the nursery reported a concern.');
    expect(parts.at(-1)?.split('\n')[0]).toMatch(
      new RegExp(`\\(part ${parts.length} of ${parts.length}\\)$`),
    );
  });

  it('numbers ten or more parts with the wider label still inside the limit', () => {
    const parts = formatRecordParts(escalationAtStage2(), policy, { ...full, maxLength: 300 });
    expect(parts.length).toBeGreaterThanOrEqual(10);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(300);
    expect(parts[9]?.split('\n')[0]).toContain(`(part 10 of ${parts.length})`);
  });

  it('splits HTML into parts that are each complete', () => {
    const parts = formatRecordParts(hostileEscalation(), policy, {
      ...full,
      maxLength: 1200,
      format: 'html',
    });
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(1200);
      expect(part.match(/<p>/g)?.length).toBe(part.match(/<\/p>/g)?.length);
      expect(part.match(/<ul>/g)?.length ?? 0).toBe(part.match(/<\/ul>/g)?.length ?? 0);
      expect(part).not.toContain('<script');
    }
  });

  it('refuses a limit too small for even the heading', () => {
    expect(() => formatRecordParts(escalationAtStage2(), policy, { ...full, maxLength: 60 })).toThrow(
      RangeError,
    );
  });
});
