import { type CalendarSettings, calendarFor } from '@/lib/calendar';
import { deriveEscalationState, type Escalation, type EscalationState } from '@/lib/escalation';
import { findPolicy, type Policy } from '@/lib/policy';
import type { Settings } from '@/lib/settings';
import { sameChild } from './people';
import type { ChildOnPage } from './workspace-types';

/**
 * The child's escalations, each the latest copy known: the reply to a change
 * can arrive before the storage change event, and a copy from storage can be
 * newer than a reply (another tab saved since). The higher revision wins.
 */
export function childEscalations(
  child: ChildOnPage,
  stored: readonly Escalation[],
  replies: readonly Escalation[],
): { open: Escalation[]; ended: Escalation[] } {
  const latest = new Map<string, Escalation>();
  for (const escalation of [...stored, ...replies]) {
    if (!sameChild(escalation.child, child)) continue;
    const known = latest.get(escalation.id);
    if (!known || escalation.revision > known.revision) latest.set(escalation.id, escalation);
  }
  const newestFirst = [...latest.values()].sort((a, b) =>
    b.differenceStartedAt.localeCompare(a.differenceStartedAt),
  );
  return {
    open: newestFirst.filter((escalation) => escalation.status === 'open'),
    ended: newestFirst.filter((escalation) => escalation.status !== 'open'),
  };
}

export type EscalationView =
  | { ok: true; policy: Policy; state: EscalationState; calendar: CalendarSettings }
  | { ok: false; problem: string };

/** Where an escalation stands at `now`, under the policy version it is pinned to. */
export function viewEscalation(
  escalation: Escalation,
  activePolicy: Policy,
  settings: Settings,
  now: Date,
): EscalationView {
  const { id, version } = escalation.policy;
  const policy = findPolicy(id, version, [activePolicy, ...settings.importedPolicies]);
  if (!policy) {
    return {
      ok: false,
      problem: `The policy this escalation runs under (${id}, ${version}) is not available in this version of the extension, so its deadlines cannot be worked out.`,
    };
  }
  const state = deriveEscalationState(escalation, policy, now, {
    calendar: settings.calendar,
    leadWorkingDays: settings.dueSoonLeadWorkingDays,
  });
  return { ok: true, policy, state, calendar: calendarFor(policy, settings.calendar) };
}
