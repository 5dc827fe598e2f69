import { formatDateTime } from '@/lib/calendar';
import type { Escalation } from '@/lib/escalation';
import { childLabel } from '@/lib/escalation';
import type { Policy } from '@/lib/policy';
import type { RecordOptions } from '@/lib/record';
import type { SaveSettings, Settings } from '@/lib/settings';
import type { EscalationClient } from '@/lib/storage';
import { CaseNoteTools } from './CaseNoteTools';
import { CorrectEntry } from './CorrectEntry';
import { DeadlineSummary } from './DeadlineSummary';
import { DiscussionSection } from './DiscussionSection';
import { DutyChecklist } from './DutyChecklist';
import { type DeadlineContext, summaryLine } from './deadline-words';
import { EventHistory } from './EventHistory';
import { viewEscalation } from './escalation-list';
import { NextSteps } from './NextSteps';
import { PartnershipNotifications } from './PartnershipNotifications';
import { personFromProfile } from './people';
import { SavedNotice } from './SavedNotice';
import { ScreenHeading } from './ScreenHeading';
import { StepTimeline } from './StepTimeline';
import type { ChangeTarget } from './useChange';
import type { CaseNoteBridge, DraftStore } from './workspace-types';
import { YourDetails } from './YourDetails';

interface EscalationDetailProps {
  escalation: Escalation;
  activePolicy: Policy;
  settings: Settings;
  client: EscalationClient;
  saveSettings?: SaveSettings;
  now: () => Date;
  caseNote: CaseNoteBridge;
  draftStore: DraftStore;
  takeFocus: boolean;
  /** What was just saved, if anything; the screen offers to copy it. */
  notice: string | undefined;
  onSaved(escalation: Escalation, saved: string): void;
  onBack(): void;
}

/** One escalation: where it stands, what is due, and everything that can be recorded next. */
export function EscalationDetail(props: EscalationDetailProps) {
  const { escalation, activePolicy, settings, client, now, caseNote, draftStore, notice, onSaved } = props;
  const at = now();
  const view = viewEscalation(escalation, activePolicy, settings, at);
  const by = personFromProfile(settings.profile);
  const open = escalation.status === 'open';
  const headingId = `escalation-${escalation.id}`;

  const heading = (
    <>
      <button type="button" className="quiet back" onClick={props.onBack}>
        <span aria-hidden="true">← </span>All escalations for this child
      </button>
      <ScreenHeading id={headingId} takeFocus={props.takeFocus}>
        Escalation with {escalation.otherParty.agency}
      </ScreenHeading>
      <p className="child-system">
        {childLabel(escalation.child, settings.showChildNames)}, {escalation.child.system}. Raised by{' '}
        {escalation.raisedBy.name} with {escalation.otherParty.professional.name} (
        {escalation.otherParty.professional.role}); started{' '}
        {formatDateTime(new Date(escalation.differenceStartedAt))}
        {escalation.track === 'urgent' ? '; urgent track' : ''}.
      </p>
    </>
  );
  if (!view.ok) {
    return (
      <section aria-labelledby={headingId}>
        {heading}
        <p role="alert" className="refusal">
          {view.problem}
        </p>
      </section>
    );
  }

  const { policy, state, calendar } = view;
  const context: DeadlineContext = { now: at, calendar, leadWorkingDays: settings.dueSoonLeadWorkingDays };
  const recordOptions: Omit<RecordOptions, 'mode'> = {
    now: at,
    calendar: settings.calendar,
    showChildNames: settings.showChildNames,
    ...(by ? { author: by } : {}),
  };
  const target: ChangeTarget | undefined = by && { escalation, client, by, onSaved };

  return (
    <section aria-labelledby={headingId}>
      {heading}
      {notice && (
        <SavedNotice
          key={`${escalation.revision}`}
          text={notice}
          escalation={escalation}
          policy={policy}
          recordOptions={recordOptions}
          caseNote={caseNote}
        />
      )}
      <DeadlineSummary
        line={summaryLine(escalation, state, policy.steps, context)}
        announceWhen={`${escalation.status}:${state.next?.step.id}:${state.next?.deadline?.state}`}
      />
      <StepTimeline
        escalation={escalation}
        policy={policy}
        state={state}
        settings={settings}
        context={context}
      />
      {!target && (
        <YourDetails
          settings={settings}
          {...(props.saveSettings ? { saveSettings: props.saveSettings } : {})}
        />
      )}
      {target && open && (
        <>
          <DutyChecklist target={target} state={state} contacts={settings.contacts} now={now} />
          <DiscussionSection
            target={target}
            state={state}
            policy={policy}
            now={now}
            draftStore={draftStore}
          />
        </>
      )}
      <PartnershipNotifications
        escalation={escalation}
        policy={policy}
        state={state}
        settings={settings}
        caseNote={caseNote}
        now={now}
        {...(target ? { target } : {})}
      />
      {target && <NextSteps target={target} state={state} policy={policy} contacts={settings.contacts} />}
      <CaseNoteTools
        escalation={escalation}
        policy={policy}
        recordOptions={recordOptions}
        caseNote={caseNote}
      />
      {target && open && <CorrectEntry target={target} policy={policy} />}
      <EventHistory escalation={escalation} policy={policy} />
    </section>
  );
}
