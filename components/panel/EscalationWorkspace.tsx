import { useEffect, useState } from 'react';
import type { Escalation } from '@/lib/escalation';
import type { Policy } from '@/lib/policy';
import type { SaveSettings, Settings } from '@/lib/settings';
import type { EscalationClient } from '@/lib/storage';
import { ChildEscalations } from './ChildEscalations';
import { childEscalations } from './escalation-list';
import { Deferred, lazyPart, whenIdle } from './lazy-part';
import type { CaseNoteBridge, ChildOnPage, DraftStore } from './workspace-types';
import './panel-workspace.css';

// Past the first screen: fetched once it is shown, so a press does not wait for them.
const startPart = lazyPart(async () => (await import('./StartEscalation')).StartEscalation);
const detailPart = lazyPart(async () => (await import('./EscalationDetail')).EscalationDetail);

/** Fetches what is past the first screen; the workspace asks once the browser is idle after showing it. */
export async function preloadWorkspaceParts(): Promise<void> {
  await Promise.all([startPart.preload(), detailPart.preload()]);
}

export interface EscalationWorkspaceProps {
  /** The child whose record is on the host page. */
  child: ChildOnPage;
  /** The settings in force and the child's stored escalations, kept up to date as the background writes. */
  data: { settings: Settings; escalations: readonly Escalation[] };
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
  useEffect(
    () =>
      // Should it fail, a press fetches it again.
      whenIdle(() => void preloadWorkspaceParts().catch(() => undefined)),
    [],
  );

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
        <Deferred
          part={startPart}
          props={{
            child,
            settings: data.settings,
            policy,
            client,
            ...(saveSettings ? { saveSettings } : {}),
            now,
            draftStore,
            onCancel: () => go({ name: 'overview' }),
            onStarted: (escalation) => {
              go({ name: 'escalation', id: escalation.id });
              saved(escalation, 'Escalation started');
            },
          }}
        />
      ) : shown ? (
        <Deferred
          key={shown.id}
          part={detailPart}
          props={{
            escalation: shown,
            activePolicy: policy,
            settings: data.settings,
            client,
            ...(saveSettings ? { saveSettings } : {}),
            now,
            caseNote,
            draftStore,
            takeFocus: navigated,
            notice: notice?.escalationId === shown.id ? notice.text : undefined,
            onSaved: saved,
            onBack: () => go({ name: 'overview' }),
          }}
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
