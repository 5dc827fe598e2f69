import type { DeadlineState } from '../calendar';
import { childLabel, type Escalation } from '../escalation';
import { findPolicy, type Policy } from '../policy';
import type { Settings } from '../settings';
import { byUrgency, type EscalationAlert, escalationAlerts } from './deadline-alerts';

/** One open escalation as the popup lists it. */
export interface DashboardRow {
  escalationId: string;
  child: string;
  recordUrl?: string;
  stage: number;
  stepTitle: string;
  /** Absent when no deadline is pending (e.g. the last step's discussion is recorded). */
  deadline?: { dueAt: Date; state: DeadlineState; timeToDeadline: string };
}

/**
 * Every open escalation, most urgent first: overdue, then due soon, then by
 * deadline; those with no pending deadline last.
 */
export function dashboardRows(
  escalations: readonly Escalation[],
  settings: Settings,
  now: Date,
  policies: (id: string, version: string) => Policy | undefined = (id, version) =>
    findPolicy(id, version, settings.importedPolicies),
): DashboardRow[] {
  const open = escalations.filter((escalation) => escalation.status === 'open');
  const alerts = new Map<string, EscalationAlert>(
    escalationAlerts(open, settings, now, policies).map((alert) => [alert.escalationId, alert]),
  );
  const withDeadline = [...alerts.values()].sort(byUrgency).map((alert) => alert.escalationId);
  const order = [...withDeadline, ...open.map((e) => e.id).filter((id) => !alerts.has(id))];
  const byId = new Map(open.map((escalation) => [escalation.id, escalation]));
  return order.flatMap((id) => {
    const escalation = byId.get(id);
    if (!escalation) return [];
    const alert = alerts.get(id);
    const policy = policies(escalation.policy.id, escalation.policy.version);
    const current = policy?.steps.find((step) => step.id === escalation.currentStepId);
    return [
      {
        escalationId: id,
        child: `${childLabel(escalation.child, settings.showChildNames)}, ${escalation.child.system}`,
        recordUrl: escalation.child.recordUrl,
        stage: alert?.stage ?? current?.stage ?? 0,
        stepTitle: alert?.stepTitle ?? current?.title ?? escalation.currentStepId,
        deadline: alert && { dueAt: alert.dueAt, state: alert.state, timeToDeadline: alert.timeToDeadline },
      },
    ];
  });
}
