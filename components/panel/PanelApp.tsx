import { useEffect, useState } from 'react';
import { type ChildReference, childReference, ENTERED_BY_HAND } from '@/lib/overlay/child-reference';
import type { PanelScreen } from '@/lib/overlay/first-screen';
import type { PageContext } from '@/lib/overlay/page-context';
import { insertRefusalReason, pasteInstead } from '@/lib/overlay/page-protocol';
import type { PanelClient } from '@/lib/overlay/panel-client';
import type { RecordChild } from '@/lib/overlay/right-child';
import { findPolicy, panBerkshirePolicy } from '@/lib/policy';
import type { SaveSettings } from '@/lib/settings';
import type { EscalationClient } from '@/lib/storage';
import { ChildSummary } from './ChildSummary';
import { EscalationWorkspace } from './EscalationWorkspace';
import { PolicyLadder } from './PolicyLadder';
import type { ChildOnPage, DraftStore } from './workspace-types';

type ScreenState = { status: 'loading' } | { status: 'ready'; screen: PanelScreen } | { status: 'failed' };

/**
 * The first screen in one answer from the background, then every change:
 * the page beside the panel (which child), the settings, that child's escalations.
 */
function useScreen(client: PanelClient): ScreenState {
  const [state, setState] = useState<ScreenState>({ status: 'loading' });
  useEffect(
    () =>
      client.followScreen(
        (screen) => setState({ status: 'ready', screen }),
        () => setState({ status: 'failed' }),
      ),
    [client],
  );
  return state;
}

/**
 * An Insert refused because the page had moved on to another child: the
 * escalation it was pressed in closes as the panel follows the page, so the
 * refusal is said above it, until the page shows that child again.
 */
function useRefusalForOtherChild(shownRecordId: string | undefined) {
  const [refusal, setRefusal] = useState<{ recordId: string; reason: string }>();
  useEffect(() => {
    setRefusal((last) => (last?.recordId === shownRecordId ? undefined : last));
  }, [shownRecordId]);
  return {
    notice:
      refusal && refusal.recordId !== shownRecordId
        ? `The record for ${refusal.recordId} was not inserted: ${refusal.reason}`
        : undefined,
    remember: (recordId: string, reason: string) => setRefusal({ recordId, reason }),
  };
}

function childOnPage(child: ChildReference, page: PageContext | null): ChildOnPage {
  const recordUrl = child.entered ? undefined : page?.child?.recordUrl;
  return {
    system: child.system ?? ENTERED_BY_HAND,
    recordId: child.recordId,
    ...(child.displayName ? { displayName: child.displayName } : {}),
    ...(recordUrl ? { recordUrl } : {}),
  };
}

export interface PanelAppProps {
  page: PanelClient;
  escalations: EscalationClient;
  saveSettings: SaveSettings;
  now: () => Date;
  draftStore: DraftStore;
}

/** The panel beside a case-record page: which child it is for, then the escalation work for that child. */
export function PanelApp({ page: pageClient, escalations, saveSettings, now, draftStore }: PanelAppProps) {
  const state = useScreen(pageClient);
  const data = state.status === 'ready' ? state.screen : undefined;
  const page = data?.page ?? null;
  const child = childReference(page);
  const policy = data
    ? (findPolicy(
        data.settings.activePolicy.id,
        data.settings.activePolicy.version,
        data.settings.importedPolicies,
      ) ?? panBerkshirePolicy)
    : panBerkshirePolicy;
  const workspaceChild = child && childOnPage(child, page);
  const refused = useRefusalForOtherChild(child?.recordId);
  // Insert goes through only while the page still shows this child (lib/overlay/right-child).
  const recordChild: RecordChild | undefined = child && {
    recordId: child.recordId,
    system: child.system,
    entered: child.entered,
  };

  return (
    <main className="panel">
      <h1>Professional disagreement escalation</h1>
      {refused.notice && (
        <p role="alert" className="refusal">
          {refused.notice}
        </p>
      )}
      <section aria-labelledby="child-heading">
        <h2 id="child-heading">Child</h2>
        {state.status === 'loading' ? (
          <p>Looking for the child on this page…</p>
        ) : (
          <ChildSummary
            key={child?.recordId ?? 'none'}
            page={page}
            child={child}
            enterReference={pageClient.enterReference}
          />
        )}
      </section>
      {workspaceChild && recordChild && data && !data.escalations ? (
        <p role="status">Loading…</p>
      ) : workspaceChild && recordChild && data?.escalations ? (
        <EscalationWorkspace
          key={`${workspaceChild.system}:${workspaceChild.recordId}`}
          child={workspaceChild}
          data={{ settings: data.settings, escalations: data.escalations }}
          policy={policy}
          client={escalations}
          saveSettings={saveSettings}
          now={now}
          caseNote={{
            copy: pageClient.copy,
            insert: async (text) => {
              const outcome = await pageClient.insert(text, recordChild);
              if (outcome.inserted) return { ok: true };
              if (outcome.reason === 'other-child') {
                refused.remember(recordChild.recordId, insertRefusalReason(outcome));
              }
              if (outcome.reason !== 'not-accepted')
                return { ok: false, reason: insertRefusalReason(outcome) };
              // The editor would not take it from us; a paste from the practitioner it takes.
              const copied = await pageClient.copy(text).then(
                () => true,
                () => false,
              );
              return { ok: false, reason: `${insertRefusalReason(outcome)} ${pasteInstead(copied)}` };
            },
          }}
          draftStore={draftStore}
        />
      ) : (
        <>
          <h2 id="ladder-heading">Stages and timescales</h2>
          <p className="policy-name">
            {policy.name} ({policy.version})
          </p>
          <PolicyLadder policy={policy} contacts={data?.settings.contacts} labelledBy="ladder-heading" />
        </>
      )}
    </main>
  );
}
