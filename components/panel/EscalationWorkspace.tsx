import { useEffect, useState } from 'react';
import type { Escalation } from '@/lib/escalation';
import type { Policy } from '@/lib/policy';
import type { SaveSettings } from '@/lib/settings';
import type { EscalationClient, StoredData } from '@/lib/storage';
import { ChildEscalations } from './ChildEscalations';
import { EscalationDetail } from './EscalationDetail';
import { childEscalations } from './escalation-list';
import { StartEscalation } from './StartEscalation';
import type { CaseNoteBridge, ChildOnPage, DraftStore } from './workspace-types';
import './panel-workspace.css';

export interface EscalationWorkspaceProps {
  /** The child whose record is on the host page. */
  child: ChildOnPage;
  /** The stored data, kept up to date by the page as the background writes. */
  data: StoredData;
  /** The policy new escalations start under; existing ones keep the version they were pinned to. */
  policy: Policy;
  /** Every write goes through this (the background is the one writer). */
  client: EscalationClient;
  /** Saves the practitioner's own details when they are edited in the start form. */
  saveSettings?: SaveSettings;
  /** The clock. */
  now: () => Date;
  caseNote: CaseNoteBridge;
  draftStore: DraftStore;
}

type Screen = { name: 'overview' } | { name: 'start' } | { name: 'escalation'; id: string };

/** A line to show on the escalation's screen after a save, offering to copy the entry. */
interface SavedNotice {
  escalationId: string;
  text: string;
}

/** Re-renders once a minute, so "due in…" and overdue states move on while the panel stays open. */
function useMinuteTick() {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((tick) => tick + 1), 60_000);
    return () => clearInterval(timer);
  }, []);
}

/** The panel's escalation work for the child on screen: their escalations, starting one, and working one through. */
export function EscalationWorkspace(props: EscalationWorkspaceProps) {
  const { child, data, policy, client, saveSettings, now, caseNote, draftStore } = props;
  const [screen, setScreen] = useState<Screen>({ name: 'overview' });
  const [navigated, setNavigated] = useState(false);
  const [replies, setReplies] = useState<Escalation[]>([]);
  const [notice, setNotice] = useState<SavedNotice>();
  useMinuteTick();

  const { open, ended } = childEscalations(child, data.escalations, replies);
  const go = (next: Screen) => {
    setNavigated(true);
    setNotice(undefined);
    setScreen(next);
  };
  const saved = (escalation: Escalation, text: string) => {
    setReplies((known) => [...known.filter((candidate) => candidate.id !== escalation.id), escalation]);
    setNotice({ escalationId: escalation.id, text });
  };

  const shown =
    screen.name === 'escalation'
      ? [...open, ...ended].find((escalation) => escalation.id === screen.id)
      : undefined;

  return (
    <div className="escalation-workspace">
      {screen.name === 'start' ? (
        <StartEscalation
          child={child}
          settings={data.settings}
          policy={policy}
          client={client}
          {...(saveSettings ? { saveSettings } : {})}
          now={now}
          draftStore={draftStore}
          onCancel={() => go({ name: 'overview' })}
          onStarted={(escalation) => {
            go({ name: 'escalation', id: escalation.id });
            saved(escalation, 'Escalation started');
          }}
        />
      ) : shown ? (
        <EscalationDetail
          key={shown.id}
          escalation={shown}
          activePolicy={policy}
          settings={data.settings}
          client={client}
          {...(saveSettings ? { saveSettings } : {})}
          now={now}
          caseNote={caseNote}
          draftStore={draftStore}
          takeFocus={navigated}
          notice={notice?.escalationId === shown.id ? notice.text : undefined}
          onSaved={saved}
          onBack={() => go({ name: 'overview' })}
        />
      ) : (
        <ChildEscalations
          child={child}
          open={open}
          ended={ended}
          activePolicy={policy}
          settings={data.settings}
          now={now()}
          takeFocus={navigated}
          onStart={() => go({ name: 'start' })}
          onOpen={(escalation) => go({ name: 'escalation', id: escalation.id })}
        />
      )}
    </div>
  );
}
