import { panBerkshirePolicy } from '../policy';
import type { RecordDiscussionInput, StartEscalationInput } from './inputs';
import type { Escalation, Person } from './schema';
import type { StartContext, TransitionContext, TransitionResult } from './transitions';
import { startEscalation } from './transitions';

/**
 * Shared examples for tests of escalations and case-note records: one
 * escalation under Pan Berkshire that starts on Mon 2 Nov 2026 at 10:30
 * (London is on GMT then, so London and UTC clocks agree).
 */

export const socialWorker: Person = {
  name: 'Sam Patel',
  role: 'Social Worker',
  agency: "Reading Children's Services",
  contact: '0118 000 0000',
};

export const teamManager: Person = {
  name: 'Jo Okafor',
  role: 'Team Manager',
  agency: "Reading Children's Services",
};

export const differenceStarted = '2026-11-02T10:30:00.000Z';

export const draft: StartEscalationInput = {
  child: {
    system: 'Liquidlogic LCS',
    recordId: 'LCS-104233',
    displayName: 'Child A',
    recordUrl: 'https://lcs.example.org/person/104233',
  },
  otherParty: {
    agency: 'Berkshire Healthcare NHS Foundation Trust',
    professional: { name: 'Alex Jones', role: 'Health Visitor', contact: 'alex.jones@example.nhs.uk' },
  },
  concern: {
    reasonCategory: 'threshold-or-referral',
    disagreedWith: 'The decision not to make a referral to children’s social care after the home visit.',
    facts: [
      {
        fact: 'Unexplained bruise on the left forearm seen at the home visit on 30 Oct.',
        source: 'Health visitor notes',
      },
      { fact: 'Third missed nursery session this month.', source: 'Nursery attendance register' },
    ],
    opinions: [{ opinion: 'The pattern suggests neglect is escalating.' }],
    impactOnChild: 'Possible physical harm going unassessed.',
    childsVoice: '“I don’t like it when Mum shouts.”',
    outcomeSought: 'A referral to children’s social care for a single assessment.',
  },
  differenceStartedAt: differenceStarted,
  imminentRisk: { atRisk: false, answeredAt: '2026-11-02T10:40:00Z' },
  policy: { id: panBerkshirePolicy.id, version: panBerkshirePolicy.version },
};

export function contextAt(now: string, by: Person = socialWorker): TransitionContext {
  return { now: new Date(now), by, policy: panBerkshirePolicy };
}

export function startContextAt(now: string, by: Person = socialWorker): StartContext {
  return { ...contextAt(now, by), newId: () => 'esc-1' };
}

/** The escalation held in a successful result; fails the test otherwise. */
export function accepted(result: TransitionResult): Escalation {
  if (!result.ok) throw new Error(`refused: ${result.error.code}: ${result.error.message}`);
  return result.escalation;
}

/** The example escalation, started at 10:45 on Mon 2 Nov 2026. */
export function startedEscalation(): Escalation {
  return accepted(startEscalation(draft, startContextAt('2026-11-02T10:45:00Z')));
}

export function discussionAt(
  heldAt: string,
  overrides: Partial<RecordDiscussionInput> = {},
): RecordDiscussionInput {
  return {
    heldAt,
    method: 'call',
    raisingSide: [{ name: 'Sam Patel', role: 'Social Worker' }],
    otherSide: [{ name: 'Alex Jones', role: 'Health Visitor' }],
    otherAgencyPosition: 'The bruise has a plausible explanation given by the parent.',
    summary: 'Discussed the bruise and the missed nursery sessions.',
    outcome: 'Not resolved; escalating to line managers.',
    agreedActions: [
      { action: 'Share the nursery attendance record.', owner: 'Sam Patel', dueOn: '2026-11-04' },
    ],
    fedBack: true,
    recordedOnFile: { raisingAgency: true, otherAgency: false },
    ...overrides,
  };
}
