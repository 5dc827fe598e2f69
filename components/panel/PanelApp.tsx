import { useEffect, useState } from 'react';
import { useStoredData } from '@/components/shared/useStoredData';
import { type ChildReference, childReference } from '@/lib/overlay/child-reference';
import type { PageContext } from '@/lib/overlay/page-context';
import { insertRefusalReason, pasteInstead } from '@/lib/overlay/page-protocol';
import type { PanelClient } from '@/lib/overlay/panel-client';
import type { RecordChild } from '@/lib/overlay/right-child';
import { findPolicy, panBerkshirePolicy } from '@/lib/policy';
import type { SaveSettings } from '@/lib/settings';
import type { EscalationClient, StoredDataSource } from '@/lib/storage';
import { ChildSummary } from './ChildSummary';
import { EscalationWorkspace } from './EscalationWorkspace';
import { PolicyLadder } from './PolicyLadder';
import type { ChildOnPage, DraftStore } from './workspace-types';

type PageState = { status: 'loading' } | { status: 'ready'; page: PageContext | null } | { status: 'failed' };

/** Follows the page beside the panel: the background tells it which child, whenever that changes. */
function usePage(client: PanelClient): PageState {
  const [state, setState] = useState<PageState>({ status: 'loading' });
  useEffect(() => {
    let stopWatching: (() => void) | undefined;
    let cancelled = false;
    client.loadPage().then(
      ({ tabId, page }) => {
        if (cancelled) return;
        setState({ status: 'ready', page });
        stopWatching = client.watchPage(tabId, (next) => setState({ status: 'ready', page: next }));
      },
      () => !cancelled && setState({ status: 'failed' }),
    );
    return () => {
      cancelled = true;
      stopWatching?.();
    };
  }, [client]);
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

/** A reference typed by hand has no system on the page; it is kept as the practitioner gave it. */
const ENTERED_BY_HAND = 'Reference entered by hand';

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
  source: StoredDataSource;
  escalations: EscalationClient;
  saveSettings: SaveSettings;
  now: () => Date;
  draftStore: DraftStore;
}

/** The panel beside a case-record page: which child it is for, then the escalation work for that child. */
export function PanelApp({
  page: pageClient,
  source,
  escalations,
  saveSettings,
  now,
  draftStore,
}: PanelAppProps) {
  const state = usePage(pageClient);
  const data = useStoredData(source);
  const page = state.status === 'ready' ? state.page : null;
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
      {workspaceChild && recordChild && data ? (
        <EscalationWorkspace
          key={`${workspaceChild.system}:${workspaceChild.recordId}`}
          child={workspaceChild}
          data={data}
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
