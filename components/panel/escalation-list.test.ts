import { describe, expect, it } from 'vitest';
import { type Escalation, withdrawEscalation } from '@/lib/escalation';
import { accepted, contextAt, startedEscalation } from '@/lib/escalation/testing';
import { panBerkshirePolicy } from '@/lib/policy';
import { defaultSettings } from '@/lib/settings';
import { childEscalations, viewEscalation } from './escalation-list';
import { stepsAhead } from './moves';

const child = { system: 'Liquidlogic LCS', recordId: 'LCS-104233' };
const started = (id: string, startedAt: string): Escalation => ({
  ...startedEscalation(),
  id,
  differenceStartedAt: startedAt,
});

describe('the child’s escalations', () => {
  it('keeps only this child’s, newest first, open apart from ended', () => {
    const older = started('older', '2026-10-01T09:00:00.000Z');
    const newer = started('newer', '2026-11-02T10:30:00.000Z');
    const ended = accepted(
      withdrawEscalation(older, { reason: 'Agreed.' }, contextAt('2026-11-02T12:00:00Z')),
    );
    const otherChild = {
      ...started('other', '2026-11-02T10:30:00.000Z'),
      child: { system: 'Mosaic', recordId: 'X' },
    };
    const { open, ended: endedList } = childEscalations(child, [older, newer, otherChild], [ended]);
    expect(open.map((escalation) => escalation.id)).toEqual(['newer']);
    expect(endedList.map((escalation) => escalation.id)).toEqual(['older']);
  });

  it('shows the later revision, whether it came from storage or from a reply', () => {
    const stored = started('esc', '2026-11-02T10:30:00.000Z');
    const reply = { ...stored, revision: 2 };
    expect(childEscalations(child, [stored], [reply]).open[0]?.revision).toBe(2);
    expect(childEscalations(child, [{ ...stored, revision: 3 }], [reply]).open[0]?.revision).toBe(3);
  });

  it('says so when the pinned policy is not available', () => {
    const escalation = { ...startedEscalation(), policy: { id: 'pan-berkshire', version: 'March 2020' } };
    const view = viewEscalation(escalation, panBerkshirePolicy, defaultSettings, new Date());
    expect(view.ok || view.problem).toMatch(/\(pan-berkshire, March 2020\) is not available/);
  });
});

describe('moving ahead of the timescale', () => {
  it('offers every later step and stage, since the procedure is not always linear', () => {
    expect(stepsAhead(panBerkshirePolicy, '1a').map((step) => step.id)).toEqual(['1b', '2', '3', '4']);
    expect(stepsAhead(panBerkshirePolicy, '3').map((step) => step.id)).toEqual(['4']);
    expect(stepsAhead(panBerkshirePolicy, '4')).toEqual([]);
  });
});
