import {
  type Escalation,
  moveAheadOfTimescale,
  moveToNextStep,
  recordDiscussion,
  resolveEscalation,
  type StartEscalationInput,
  startEscalation,
  withdrawEscalation,
} from '../escalation';
import { accepted, contextAt, discussionAt, draft, socialWorker } from '../escalation/testing';
import { panBerkshirePolicy } from '../policy';

/**
 * A fixed set of escalations for tests of the returns, under Pan Berkshire
 * in autumn 2026 (London on GMT, so London and UTC clocks agree).
 */

type Step =
  | { discuss: string }
  | { move: string }
  | { moveTo: string; at: string; reason: string }
  | { resolve: string; outcomeId: string }
  | { withdraw: string };

export function worked(id: string, changes: Partial<StartEscalationInput>, steps: Step[]): Escalation {
  const input = {
    ...draft,
    imminentRisk: { atRisk: false, answeredAt: changes.differenceStartedAt ?? draft.differenceStartedAt },
    ...changes,
  };
  let escalation = accepted(
    startEscalation(input, {
      ...contextAt(input.differenceStartedAt),
      newId: () => id,
    }),
  );
  for (const step of steps) {
    if ('discuss' in step) {
      escalation = accepted(
        recordDiscussion(
          escalation,
          discussionAt(step.discuss, { agreedActions: [] }),
          contextAt(step.discuss),
        ),
      );
    } else if ('moveTo' in step) {
      escalation = accepted(
        moveAheadOfTimescale(escalation, { toStepId: step.moveTo, reason: step.reason }, contextAt(step.at)),
      );
    } else if ('move' in step) {
      escalation = accepted(moveToNextStep(escalation, {}, contextAt(step.move)));
    } else if ('resolve' in step) {
      escalation = accepted(
        resolveEscalation(
          escalation,
          step.outcomeId === 'resolved'
            ? {
                agreementReached: true,
                agreementReason: 'Agreed by email after the meeting.',
                outcomeId: step.outcomeId,
                summary: 'Agreed.',
              }
            : { agreementReached: false, outcomeId: step.outcomeId, summary: 'Not agreed.' },
          contextAt(step.resolve),
        ),
      );
    } else {
      escalation = accepted(
        withdrawEscalation(escalation, { reason: 'No longer needed.' }, contextAt(step.withdraw)),
      );
    }
  }
  return escalation;
}

const police = {
  agency: 'Thames Valley Police',
  professional: { name: 'Pat Lee', role: 'Detective Sergeant' },
};
const concern = (reasonCategory: string) => ({ ...draft.concern, reasonCategory });

/** Five escalations started in October–December 2026. */
export function autumnEscalations(): Escalation[] {
  return [
    // Resolved at step 1b, both deadlines met, in 3 working days.
    worked('a1111111-0000-4000-8000-000000000001', { differenceStartedAt: '2026-11-02T10:30:00Z' }, [
      { discuss: '2026-11-02T14:00:00Z' },
      { move: '2026-11-02T15:00:00Z' },
      { discuss: '2026-11-04T11:00:00Z' },
      { resolve: '2026-11-05T12:00:00Z', outcomeId: 'resolved' },
    ]),
    // At stage 2, open, every deadline missed.
    worked(
      'b2222222-0000-4000-8000-000000000002',
      {
        differenceStartedAt: '2026-11-03T09:30:00Z',
        otherParty: police,
        concern: concern('information-sharing'),
      },
      [
        { discuss: '2026-11-06T10:00:00Z' },
        { move: '2026-11-06T11:00:00Z' },
        { discuss: '2026-11-09T10:00:00Z' },
        { move: '2026-11-09T11:00:00Z' },
      ],
    ),
    // Withdrawn at step 1a after its deadline.
    worked('c3333333-0000-4000-8000-000000000003', { differenceStartedAt: '2026-11-04T09:30:00Z' }, [
      { withdraw: '2026-11-06T12:00:00Z' },
    ]),
    // Taken from step 1a straight to stage 4, then ended unresolved there, in 8 working days.
    worked(
      'd4444444-0000-4000-8000-000000000004',
      { differenceStartedAt: '2026-11-10T09:30:00Z', otherParty: police, concern: concern('plan-drift') },
      [
        { discuss: '2026-11-11T10:00:00Z' },
        { moveTo: '4', at: '2026-11-11T11:00:00Z', reason: 'Senior leaders could not agree at the meeting.' },
        { resolve: '2026-11-20T12:00:00Z', outcomeId: 'unresolved' },
      ],
    ),
    // Raised by another agency; referred to the partnership the next working day.
    worked(
      'e5555555-0000-4000-8000-000000000005',
      {
        differenceStartedAt: '2026-11-16T09:00:00Z',
        raisedBy: { ...socialWorker, agency: 'Reading Education Services' },
      },
      [
        { discuss: '2026-11-16T11:00:00Z' },
        { resolve: '2026-11-17T12:00:00Z', outcomeId: 'referred-to-partnership' },
      ],
    ),
  ];
}

export const testPolicy = panBerkshirePolicy;

/** Reads CSV as RFC 4180 writes it, for checking exports. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index++;
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
