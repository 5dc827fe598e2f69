import { render } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useStoredData } from '@/components/shared/useStoredData';
import type { Escalation, Person } from '@/lib/escalation';
import { draft, socialWorker } from '@/lib/escalation/testing';
import { createMessageRouter } from '@/lib/messaging';
import { panBerkshirePolicy } from '@/lib/policy';
import type { Settings } from '@/lib/settings';
import {
  createDataClient,
  createEscalationClient,
  EscalationStore,
  escalationKey,
  type LocalArea,
  type LocalChangeEvent,
  loadStoredData,
  type StoredData,
  type StoredDataSource,
  storageRoutes,
  storedDataSource,
} from '@/lib/storage';
import { fakeAreas } from '@/lib/storage/testing';
import {
  EscalationWorkspace,
  type EscalationWorkspaceProps,
  preloadWorkspaceParts,
} from './EscalationWorkspace';
import type { CaseNoteBridge, ChildOnPage, DraftStore, InsertResult } from './workspace-types';

/**
 * The workspace as the panel page wires it, for component tests: the real
 * store behind the real message router and clients, over the fake browser's
 * storage, with the stored data watched as the page watches it. The case-note
 * bridge and the draft store stand for browser features the page supplies.
 */

const self = { id: 'ext', origin: 'chrome-extension://ext/' };

export const childOnPage: ChildOnPage = {
  system: draft.child.system,
  recordId: draft.child.recordId,
  displayName: 'Child A',
  recordUrl: 'https://lcs.example.org/person/104233',
};

export const profile: Settings['profile'] = {
  name: socialWorker.name,
  role: socialWorker.role,
  agency: socialWorker.agency,
};

/** Copies are kept; insertions succeed, or fail with `insertFailure` when it is set. */
export class FakeCaseNote implements CaseNoteBridge {
  copied: string[] = [];
  inserted: string[] = [];
  insertFailure: string | undefined;
  async copy(text: string) {
    this.copied.push(text);
  }
  async insert(text: string): Promise<InsertResult> {
    if (this.insertFailure) return { ok: false, reason: this.insertFailure };
    this.inserted.push(text);
    return { ok: true };
  }
}

/** Drafts kept as JSON, as storage.session would keep them. */
export class MemoryDrafts implements DraftStore {
  readonly saved = new Map<string, string>();
  async load(key: string): Promise<unknown> {
    const json = this.saved.get(key);
    return json === undefined ? undefined : JSON.parse(json);
  }
  async save(key: string, value: unknown) {
    this.saved.set(key, JSON.stringify(value));
  }
  async clear(key: string) {
    this.saved.delete(key);
  }
}

/**
 * The workspace around the stored data as it is now and after every storage
 * change, as the page shows it, once what is past its first screen is here
 * (the page fetches it straight after the first screen; tests press at once).
 */
function LivePanel({
  source,
  workspace,
}: {
  source: StoredDataSource;
  workspace: (data: StoredData) => EscalationWorkspaceProps;
}) {
  const data = useStoredData(source);
  const [partsHere, setPartsHere] = useState(false);
  useEffect(() => {
    void preloadWorkspaceParts().then(() => setPartsHere(true));
  }, []);
  return data && partsHere ? <EscalationWorkspace {...workspace(data)} /> : <p>Loading…</p>;
}

export interface Harness {
  area: LocalArea;
  store: EscalationStore;
  clock: { now: Date };
  caseNote: FakeCaseNote;
  drafts: MemoryDrafts;
  /** Renders the workspace for the child on the page; the stored data follows storage changes. */
  show(child?: ChildOnPage): ReturnType<typeof render>;
  /** The workspace's props around a fixed copy of the data, for tests that control when data arrives. */
  props(data: StoredData): EscalationWorkspaceProps;
  stored(): Promise<Escalation[]>;
  /** Starts the example escalation (Mon 2 Nov 2026, 10:30) as another page would. */
  startExample(by?: Person): Promise<Escalation>;
  put(escalation: Escalation): Promise<void>;
  saveProfile(): Promise<void>;
}

export function createHarness(now: string): Harness {
  const area = fakeBrowser.storage.local as unknown as LocalArea;
  const changes = fakeBrowser.storage.local.onChanged as unknown as LocalChangeEvent;
  const clock = { now: new Date(now) };
  const currentTime = () => clock.now;
  let ids = 0;
  const store = new EscalationStore({
    area,
    managed: fakeAreas().managed,
    now: currentTime,
    newId: () => `esc-${++ids}`,
  });
  const router = createMessageRouter(storageRoutes(store), self);
  const transport = async (envelope: unknown) =>
    router(envelope, { id: 'ext', url: `${self.origin}panel.html` });
  const client = createEscalationClient(transport);
  const dataClient = createDataClient(area, transport, currentTime);
  const source = storedDataSource(fakeAreas(), { local: changes });
  const caseNote = new FakeCaseNote();
  const drafts = new MemoryDrafts();

  const props = (data: StoredData, child = childOnPage): EscalationWorkspaceProps => ({
    child,
    data,
    policy: panBerkshirePolicy,
    client,
    saveSettings: dataClient.saveSettings,
    now: currentTime,
    caseNote,
    draftStore: drafts,
  });

  return {
    area,
    store,
    clock,
    caseNote,
    drafts,
    show: (child = childOnPage) =>
      render(<LivePanel source={source} workspace={(data) => props(data, child)} />),
    props,
    stored: async () => (await loadStoredData(fakeAreas())).escalations,
    startExample: async (by = socialWorker) => {
      const started = clock.now;
      clock.now = new Date('2026-11-02T10:45:00Z');
      const escalation = await store.startEscalation(draft, by);
      clock.now = started;
      return escalation;
    },
    put: async (escalation) => {
      await area.set({ [escalationKey(escalation.id)]: escalation });
    },
    saveProfile: async () => {
      await store.saveSettings({ profile });
    },
  };
}
