import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleChainedPolicy } from '../../test/fixtures/policies/example-chained';
import { builtInPolicies, describeTimescale, findPolicy, panBerkshirePolicy, policySchema } from '.';

const step = (id: string) => {
  const found = panBerkshirePolicy.steps.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
};
const notified = (id: string) =>
  step(id)
    .duties.filter((duty) => duty.kind === 'notify')
    .map((duty) => [duty.recipient, duty.required]);

describe('the Pan Berkshire policy', () => {
  it('is valid and identifies itself', () => {
    expect(policySchema.safeParse(panBerkshirePolicy).success).toBe(true);
    expect(panBerkshirePolicy).toMatchObject({
      id: 'pan-berkshire',
      version: 'March 2026',
      effectiveDate: '2026-03',
      timeZone: 'Europe/London',
      source: { title: 'Resolving Professional Disagreement and Escalation' },
    });
  });

  it('has the five steps over four stages, each counted in working days from the start', () => {
    expect(
      panBerkshirePolicy.steps.map((s) => [s.id, s.stage, s.timescale.duration, s.timescale.from.from]),
    ).toEqual([
      ['1a', 1, { unit: 'working-days', amount: 1 }, 'difference-started'],
      ['1b', 1, { unit: 'working-days', amount: 2 }, 'difference-started'],
      ['2', 2, { unit: 'working-days', amount: 3 }, 'difference-started'],
      ['3', 3, { unit: 'working-days', amount: 4 }, 'difference-started'],
      ['4', 4, { unit: 'working-days', amount: 6 }, 'difference-started'],
    ]);
    expect(step('1b').timescale.wording).toBe(
      'within 24 hours (e.g within two working days of the start of the difference of opinion)',
    );
  });

  it('has no urgent timescales; moving faster than them asks for a reason', () => {
    expect(panBerkshirePolicy.steps.every((s) => s.urgentTimescale === undefined)).toBe(true);
    expect(panBerkshirePolicy.urgentTrack?.reasonRequired).toBe(true);
    expect(panBerkshirePolicy.urgentTrack?.description).toBe(panBerkshirePolicy.nonLinearNote);
    expect(JSON.stringify(panBerkshirePolicy)).not.toMatch(/skipped|skippable/);
  });

  it('gives every step the feed-back and record-on-file duties, and the policy-gap referral', () => {
    for (const s of panBerkshirePolicy.steps) {
      expect(s.duties.filter((duty) => duty.kind !== 'notify').map((duty) => duty.kind)).toEqual(
        s.id === '4' ? ['feed-back', 'record-on-file', 'consider'] : ['feed-back', 'record-on-file'],
      );
      expect(s.duties.find((duty) => duty.id === 'refer-policy-gap')).toMatchObject({
        kind: 'notify',
        recipient: 'statutory-partners',
        alsoTo: ['policy-subgroup'],
        required: false,
      });
    }
  });

  it('asks at stage 4 for a multi-agency case review to be considered, and what was decided', () => {
    expect(step('4').duties.find((duty) => duty.kind === 'consider')).toMatchObject({
      id: 'consider-case-review',
      required: true,
      text: expect.stringMatching(/consideration should be given to holding a multi-agency case review\.$/),
    });
  });

  it('tells the partnership from stage 2 and the Statutory Partners at stage 4', () => {
    expect(notified('1a')).toEqual([['statutory-partners', false]]);
    expect(notified('2')).toEqual([
      ['business-manager', true],
      ['independent-scrutineer', false],
      ['statutory-partners', false],
    ]);
    expect(notified('3')).toEqual(notified('2'));
    expect(notified('4')).toEqual([
      ['statutory-partners', true],
      ['independent-scrutineer', true],
      ['business-manager', true],
      ['serious-case-review-subgroup', true],
      ['statutory-partners', false],
    ]);
  });

  it('carries the imminent-risk and closing guidance, and no list of what it is not for (the procedure has none)', () => {
    expect(panBerkshirePolicy.imminentRisk.emergency).toMatch(/999/);
    expect(panBerkshirePolicy.closingGuidance.join(' ')).toMatch(/Policy and Procedures Subgroup/);
    expect(panBerkshirePolicy.closingGuidance.join(' ')).toMatch(/multi-agency case review/);
    expect(panBerkshirePolicy.outOfScope).toEqual([]);
  });

  it('words the feed-back duty as each stage does', () => {
    const feedBack = (id: string) => step(id).duties.find((duty) => duty.kind === 'feed-back')?.text;
    expect(feedBack('1a')).toMatch(/relevant practitioners and managers involved\.$/);
    expect(feedBack('1b')).toBe(feedBack('1a'));
    expect(feedBack('2')).toMatch(/should be fed back immediately to the relevant practitioners involved\.$/);
    expect(feedBack('3')).toMatch(/communicated immediately to the relevant practitioners involved\.$/);
    expect(feedBack('4')).toMatch(/fed back immediately to the professional involved\.$/);
  });
});

/**
 * The procedure as published (test/fixtures/policy), as plain text: tags and
 * bold marks out, every run of white space one space.
 */
const procedureText = readFileSync('test/fixtures/policy/pan-berkshire-2026-03.txt', 'utf8')
  .replace(/<[^>]+>/g, ' ')
  .replace(/\*\*/g, '')
  .replace(/\s+/g, ' ')
  .replace(/ ([.,)])/g, '$1');

/**
 * Whether the words are the procedure's. A quotation may start with a capital
 * where the procedure's sentence goes on from a clause, and may end where its
 * sentence goes on; nothing else may differ.
 */
function quoted(words: string): boolean {
  const body = words.replace(/\.$/, '');
  const lowerFirst = body.charAt(0).toLowerCase() + body.slice(1);
  return procedureText.includes(body) || procedureText.includes(lowerFirst);
}

describe('the Pan Berkshire policy’s words are the procedure’s', () => {
  const sentences = (text: string) => text.split(/(?<=\.) (?=[A-Z])/);
  const quotations: [string, string][] = [
    ...panBerkshirePolicy.steps.flatMap((s): [string, string][] => [
      ...sentences(s.action).map((sentence): [string, string] => [`step ${s.id} action`, sentence]),
      ...s.consider.map((item): [string, string] => [`step ${s.id} consider`, item]),
      [`step ${s.id} timescale`, s.timescale.wording ?? ''],
      ...s.duties.map((duty): [string, string] => [`step ${s.id} duty ${duty.id}`, duty.text]),
    ]),
    ['non-linear note', panBerkshirePolicy.nonLinearNote ?? ''],
    ['urgent track', panBerkshirePolicy.urgentTrack?.description ?? ''],
    ['imminent risk: emergency', panBerkshirePolicy.imminentRisk.emergency],
    ...panBerkshirePolicy.closingGuidance.map((line): [string, string] => ['closing guidance', line]),
  ];

  it('reads the fixture, which is the procedure of March 2026', () => {
    expect(procedureText).toMatch(/Berkshire Escalation Process for Professionals/);
    expect(procedureText.trim()).toMatch(/March 2026$/);
    expect(quotations.length).toBeGreaterThan(30);
  });

  it.each(quotations)('%s: “%s”', (_where, words) => {
    expect(words).not.toBe('');
    expect(quoted(words)).toBe(true);
  });

  it('names every stage as the procedure does', () => {
    for (const stage of panBerkshirePolicy.stages) {
      expect(procedureText.toLowerCase()).toContain(`stage ${stage.number}`);
      expect(procedureText.toLowerCase()).toContain(stage.name.toLowerCase());
    }
  });

  it('refuses words the procedure does not have', () => {
    expect(quoted('No stage is skipped.')).toBe(false);
    expect(
      quoted('Feed any action agreed back immediately to the relevant practitioners and managers involved.'),
    ).toBe(false);
  });
});

describe('finding a pinned policy', () => {
  it('returns exactly the policy with that id and version', () => {
    expect(builtInPolicies[0]).toBe(panBerkshirePolicy);
    expect(findPolicy('pan-berkshire', 'March 2026')).toBe(panBerkshirePolicy);
    expect(findPolicy('pan-berkshire', 'March 2025')).toBeUndefined();
    expect(findPolicy('example-chained', '1')).toBeUndefined();
    expect(findPolicy('example-chained', '1', [exampleChainedPolicy])).toBe(exampleChainedPolicy);
  });

  it('prefers the built-in policy over an imported one with the same id and version', () => {
    const impostor = { ...panBerkshirePolicy, name: 'Edited copy' };
    expect(findPolicy('pan-berkshire', 'March 2026', [impostor])).toBe(panBerkshirePolicy);
  });
});

describe('timescales in words', () => {
  it('says what the deadline counts from', () => {
    expect(describeTimescale(step('1b').timescale, panBerkshirePolicy)).toBe(
      'within 2 working days of the start of the difference of opinion',
    );
    const [, discuss, review, response, refer, panel] = exampleChainedPolicy.steps;
    const words = (s: typeof discuss) => s && describeTimescale(s.timescale, exampleChainedPolicy);
    expect(words(discuss)).toBe('within 2 working days of completing the previous step');
    expect(words(review)).toBe('within 3 working days of entering the stage');
    expect(words(response)).toBe('within 48 hours of completing “Manager review”');
    expect(words(refer)).toBe('immediately after entering the stage');
    expect(words(panel)).toBe(
      'within 10 calendar days of entering the stage (a guide, not a fixed deadline)',
    );
  });
});
