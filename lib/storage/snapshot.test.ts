import { describe, expect, it } from 'vitest';
import { startEscalation } from '../escalation';
import { accepted, draft, startContextAt } from '../escalation/testing';
import type { ManagedReading } from '../settings';
import { type ParsedEntries, readStoredData } from './snapshot';

const noOrganisation: ManagedReading = { state: 'none' };
const stored = (id: string) =>
  JSON.parse(
    JSON.stringify(
      accepted(startEscalation(draft, { ...startContextAt('2026-11-02T10:45:00Z'), newId: () => id })),
    ),
  );

describe('readStoredData with entries already parsed', () => {
  it('parses a kept value once, a new value afresh, and a value under another key by that key', () => {
    const parsed: ParsedEntries = new WeakMap();
    const first = stored('esc-1');
    const snapshot: Record<string, unknown> = { 'escalation:esc-1': first };
    const [once] = readStoredData(snapshot, noOrganisation, parsed).escalations;
    const [again] = readStoredData(snapshot, noOrganisation, parsed).escalations;
    expect(again).toBe(once);

    snapshot['escalation:esc-1'] = { ...first, concern: { ...first.concern, impactOnChild: 'Changed.' } };
    const [changed] = readStoredData(snapshot, noOrganisation, parsed).escalations;
    expect(changed).not.toBe(once);
    expect(changed?.concern.impactOnChild).toBe('Changed.');

    // The same value stored as settings is checked as settings, not taken for an escalation.
    const asSettings = readStoredData({ settings: first }, noOrganisation, parsed);
    expect(asSettings.escalations).toEqual([]);
  });
});
