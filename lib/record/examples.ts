import {
  amendEntry,
  type Escalation,
  moveToNextStep,
  recordDiscussion,
  resolveEscalation,
  tickDuty,
} from '../escalation';
import { accepted, contextAt, discussionAt, startedEscalation, teamManager } from '../escalation/testing';

/**
 * Escalations used by the record tests and golden files: Pan Berkshire,
 * started Mon 2 Nov 2026 at 10:30, now at stage 2.
 */

const lineManagers = {
  raisingSide: [
    { name: 'Sam Patel', role: 'Social Worker' },
    { name: 'Jo Okafor', role: 'Team Manager' },
  ],
  otherSide: [{ name: 'Priya Shah', role: 'Health Visiting Team Leader' }],
};

/** Discussed at 1a and 1b, moved to stage 2, Business Manager told, the first discussion corrected. */
export function escalationAtStage2(): Escalation {
  let escalation = startedEscalation();
  escalation = accepted(
    recordDiscussion(escalation, discussionAt('2026-11-03T11:00:00Z'), contextAt('2026-11-03T11:30:00Z')),
  );
  escalation = accepted(moveToNextStep(escalation, {}, contextAt('2026-11-03T12:00:00Z')));
  escalation = accepted(
    recordDiscussion(
      escalation,
      discussionAt('2026-11-04T10:00:00Z', {
        method: 'meeting',
        ...lineManagers,
        otherAgencyPosition: 'The threshold for a referral is not met; universal services continue.',
        summary: 'Line managers reviewed the chronology and the nursery record.',
        outcome: 'Not resolved; to be taken to the safeguarding leads.',
        agreedActions: [
          { action: 'Send the chronology to the Named Nurse.', owner: 'Jo Okafor', dueOn: '2026-11-04' },
          { action: 'Arrange a joint visit.', owner: 'Priya Shah', dueOn: '2026-11-06' },
        ],
        recordedOnFile: { raisingAgency: true, otherAgency: true },
      }),
      contextAt('2026-11-04T10:30:00Z', teamManager),
    ),
  );
  escalation = accepted(moveToNextStep(escalation, {}, contextAt('2026-11-04T11:00:00Z', teamManager)));
  escalation = accepted(
    tickDuty(
      escalation,
      {
        dutyId: 'share-with-business-manager',
        doneAt: '2026-11-04T15:00:00Z',
        method: 'email',
        note: 'Sent to the partnership inbox',
      },
      contextAt('2026-11-04T15:10:00Z'),
    ),
  );
  return accepted(
    amendEntry(
      escalation,
      {
        entry: 'discussion',
        discussionId: 'd1',
        changes: { heldAt: '2026-11-03T11:15:00Z' },
        reason: 'The call was at 11:15, not 11:00.',
      },
      contextAt('2026-11-04T16:00:00Z'),
    ),
  );
}

/** The stage 2 escalation, resolved at its stage 2 discussion on Thu 5 Nov. */
export function resolvedEscalation(): Escalation {
  const discussed = accepted(
    recordDiscussion(
      escalationAtStage2(),
      discussionAt('2026-11-05T10:00:00Z', {
        method: 'video',
        raisingSide: [{ name: 'Dana Reid', role: 'Designated Safeguarding Lead' }],
        otherSide: [{ name: 'Chris Moore', role: 'Named Nurse for Safeguarding' }],
        otherAgencyPosition: 'Agrees a referral is needed given the nursery record.',
        summary: 'Safeguarding leads reviewed the concern together.',
        outcome: 'Resolved: health visitor to refer today.',
        agreedActions: [
          {
            action: 'Make the referral to children’s social care.',
            owner: 'Alex Jones',
            dueOn: '2026-11-05',
          },
        ],
        recordedOnFile: { raisingAgency: true, otherAgency: true },
      }),
      contextAt('2026-11-05T10:45:00Z'),
    ),
  );
  return accepted(
    resolveEscalation(
      discussed,
      {
        agreementReached: true,
        agreedAtDiscussionId: discussed.discussions.at(-1)?.id ?? '',
        outcomeId: 'resolved',
        summary: 'Referral to be made today by the health visitor.',
      },
      contextAt('2026-11-05T11:00:00Z'),
    ),
  );
}
