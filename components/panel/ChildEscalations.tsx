import { formatDate } from '@/lib/calendar';
import type { Escalation } from '@/lib/escalation';
import { childLabel } from '@/lib/escalation';
import type { Policy } from '@/lib/policy';
import type { Settings } from '@/lib/settings';
import { summaryLine } from './deadline-words';
import { viewEscalation } from './escalation-list';
import { ScreenHeading } from './ScreenHeading';
import type { ChildOnPage } from './workspace-types';

interface ChildEscalationsProps {
  child: ChildOnPage;
  open: Escalation[];
  ended: Escalation[];
  activePolicy: Policy;
  settings: Settings;
  now: Date;
  takeFocus: boolean;
  onStart(): void;
  onOpen(escalation: Escalation): void;
}

/** The first screen: the child's open escalations, then the ended ones, newest first. */
export function ChildEscalations(props: ChildEscalationsProps) {
  const { child, open, ended, settings, onStart } = props;
  const name = childLabel(child, settings.showChildNames);
  return (
    <section aria-labelledby="workspace-overview">
      <ScreenHeading id="workspace-overview" takeFocus={props.takeFocus}>
        Escalations for {name}
      </ScreenHeading>
      <p className="child-system">{child.system}</p>
      {open.length === 0 && ended.length === 0 && <p>No escalation has been started for this child.</p>}
      <button type="button" className="primary" onClick={onStart}>
        {open.length === 0 ? 'Start an escalation' : 'Start another escalation'}
      </button>
      {open.length > 0 && (
        <>
          <h3>Open</h3>
          <ul className="escalation-list">
            {open.map((escalation) => (
              <EscalationItem key={escalation.id} escalation={escalation} {...props} />
            ))}
          </ul>
        </>
      )}
      {ended.length > 0 && (
        <>
          <h3>Ended</h3>
          <ul className="escalation-list">
            {ended.map((escalation) => (
              <EscalationItem key={escalation.id} escalation={escalation} {...props} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function EscalationItem({
  escalation,
  activePolicy,
  settings,
  now,
  onOpen,
}: ChildEscalationsProps & { escalation: Escalation }) {
  const view = viewEscalation(escalation, activePolicy, settings, now);
  const { otherParty } = escalation;
  return (
    <li>
      <p className="item-title">
        With {otherParty.agency} ({otherParty.professional.name}), started{' '}
        {formatDate(new Date(escalation.differenceStartedAt))}
      </p>
      <p>
        {view.ok
          ? summaryLine(escalation, view.state, view.policy.steps, {
              now,
              calendar: view.calendar,
              leadWorkingDays: settings.dueSoonLeadWorkingDays,
            })
          : view.problem}
      </p>
      <button type="button" onClick={() => onOpen(escalation)}>
        Open the escalation with {otherParty.agency}
      </button>
    </li>
  );
}
