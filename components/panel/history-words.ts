import { formatDateTime } from '@/lib/calendar';
import type { EscalationEvent } from '@/lib/escalation';
import type { Policy } from '@/lib/policy';
import { methodLabel } from './methods';

type Replaced = NonNullable<EscalationEvent['replaced']>;

/** An entry as it was before a correction or reopening, as label and value pairs for the history. */
export function replacedEntryLines(replaced: Replaced, policy: Policy): [string, string][] {
  switch (replaced.entry) {
    case 'discussion': {
      const { before } = replaced;
      return [
        ['Held', `${formatDateTime(new Date(before.heldAt))} (${methodLabel(before.method)})`],
        ['Other agency’s position', before.otherAgencyPosition],
        ['Summary', before.summary],
        ['Outcome', before.outcome],
      ];
    }
    case 'duty': {
      const { before } = replaced;
      return [
        ['Done', `${formatDateTime(new Date(before.doneAt))} (${methodLabel(before.method)})`],
        ['Note', before.note ?? 'none'],
      ];
    }
    case 'resolution': {
      const { before } = replaced;
      const outcome = policy.outcomes.find((candidate) => candidate.id === before.outcomeId);
      return [
        ['Resolved', formatDateTime(new Date(before.resolvedAt))],
        ['Agreement reached', before.agreementReached ? 'yes' : 'no'],
        ['Outcome', outcome?.label ?? before.outcomeId],
        ['Summary', before.summary],
      ];
    }
    case 'withdrawal':
      return [
        ['Withdrawn', formatDateTime(new Date(replaced.before.withdrawnAt))],
        ['Reason', replaced.before.reason],
      ];
    case 'concern': {
      const { before } = replaced;
      return [
        ['Disagreed with', before.disagreedWith],
        ['Impact on the child', before.impactOnChild],
        ['The child’s voice', before.childsVoice ?? 'not known'],
        ['Outcome sought', before.outcomeSought],
      ];
    }
  }
}
