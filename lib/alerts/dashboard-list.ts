import { childLabel, type Escalation } from '../escalation';
import { findPolicy } from '../policy';
import type { Settings } from '../settings';
import type { StoredDataSource } from '../storage/reader';
import type { DashboardList, ListedEscalation } from './dashboard';
import { nextStepsDue, type StepDue } from './deadline-alerts';

/**
 * Working the popup's list out from the stored escalations: the background
 * does it at every refresh, and the popup only in the first moments after
 * install or with a damaged kept list (./dashboard-store), so the popup loads
 * this, and the policies and escalations it needs, only then.
 */

/**
 * The popup's list of every open escalation. `due` is the background's
 * working out of each next step for the badge, so nothing is worked out twice.
 */
export function dashboardListOf(
  escalations: readonly Escalation[],
  settings: Settings,
  due: readonly StepDue[] = nextStepsDue(escalations, settings),
): DashboardList {
  const dueById = new Map(due.map((next) => [next.escalation.id, next]));
  const calendars: DashboardList['calendars'] = [];
  const calendarOfPolicy = new Map<string, number>();
  const calendarIndex = ({ escalation, calendar }: StepDue) => {
    // One calendar per policy: the settings' calendar laid over that policy's own.
    const policy = `${escalation.policy.id}@${escalation.policy.version}`;
    let index = calendarOfPolicy.get(policy);
    if (index === undefined) {
      index = calendars.push(calendar) - 1;
      calendarOfPolicy.set(policy, index);
    }
    return index;
  };

  const listed = escalations.flatMap((escalation): ListedEscalation[] => {
    if (escalation.status !== 'open') return [];
    const next = dueById.get(escalation.id);
    // Without a deadline pending, the row names the step the escalation is at.
    const shown = next?.dueAt
      ? next.step
      : findPolicy(escalation.policy.id, escalation.policy.version, settings.importedPolicies)?.steps.find(
          (step) => step.id === escalation.currentStepId,
        );
    return [
      {
        escalationId: escalation.id,
        child: `${childLabel(escalation.child, settings.showChildNames)}, ${escalation.child.system}`,
        recordUrl: escalation.child.recordUrl,
        stage: shown?.stage ?? 0,
        stepTitle: shown?.title ?? escalation.currentStepId,
        deadline: next?.dueAt && { dueAt: next.dueAt.toISOString(), calendar: calendarIndex(next) },
      },
    ];
  });
  return { leadWorkingDays: settings.dueSoonLeadWorkingDays, calendars, escalations: listed };
}

/**
 * The list worked out from everything stored, shown at once and again at each
 * change; returns the function that stops.
 */
export function followStoredList(source: StoredDataSource, show: (list: DashboardList) => void): () => void {
  let following = true;
  let changed = false;
  const stop = source.watch(({ escalations, settings }) => {
    changed = true;
    show(dashboardListOf(escalations, settings));
  });
  void source.load().then(({ escalations, settings }) => {
    // A change heard meanwhile is newer than this first reading.
    if (following && !changed) show(dashboardListOf(escalations, settings));
  });
  return () => {
    following = false;
    stop();
  };
}
