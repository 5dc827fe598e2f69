import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { exampleChainedPolicy } from '../../test/fixtures/policies/example-chained';
import type { Escalation, EscalationChange } from '../escalation';
import { discussionAt, draft, socialWorker, teamManager } from '../escalation/testing';
import { MessageError } from '../messaging';
import { summariseReturns } from '../reports/summary';
import { readSiteEntries } from '../sites/site-list';
import type { LocalArea } from './area';
import { BACKUP_VERSION, createBackup } from './backup';
import { escalationKey, storageKeys } from './keys';
import { type Migration, STORAGE_VERSION, storageMigrations } from './migrations';
import { readStoredData, storedEscalations } from './snapshot';
import { EscalationStore, type StoreOptions } from './store';
import { fakeAreas, noOrganisation } from './testing';

const area = () => fakeBrowser.storage.local as unknown as LocalArea;

function storeAt(now: string, overrides: Partial<StoreOptions> = {}) {
  let ids = 0;
  return new EscalationStore({
    area: area(),
    managed: fakeAreas().managed,
    now: () => new Date(now),
    newId: () => `esc-${++ids}`,
    ...overrides,
  });
}

const discussion: EscalationChange = {
  kind: 'record-discussion',
  input: discussionAt('2026-11-02T14:00:00Z'),
};
const tick = (dutyId: string): EscalationChange => ({
  kind: 'tick-duty',
  input: { dutyId, doneAt: '2026-11-02T15:00:00Z', method: 'email' },
});

async function stored(): Promise<Record<string, unknown>> {
  return area().get(null);
}

describe('opening the store', () => {
  it('stamps the layout version on a new store', async () => {
    await expect(storeAt('2026-11-02T12:00:00Z').open()).resolves.toEqual({
      state: 'ready',
      migrated: [],
      quarantined: 0,
    });
    expect(await stored()).toEqual({ [storageKeys.version]: STORAGE_VERSION });
  });

  it('moves an entry that fails its schema aside, untouched, and loads the rest', async () => {
    const good = await storeAt('2026-11-02T12:00:00Z').startEscalation(draft, socialWorker);
    const broken = { ...good, id: 'esc-broken', revision: 'seven' };
    await area().set({ [escalationKey('esc-broken')]: broken });

    const status = await storeAt('2026-11-03T09:00:00Z').open();
    expect(status).toEqual({ state: 'ready', migrated: [], quarantined: 1 });

    const after = await stored();
    expect(after[escalationKey('esc-broken')]).toBeUndefined();
    const quarantineKey = Object.keys(after).find((key) => key.startsWith(storageKeys.quarantinePrefix));
    expect(quarantineKey).toBe(`quarantine:2026-11-03T09:00:00.000Z:${escalationKey('esc-broken')}`);
    expect(after[quarantineKey as string]).toMatchObject({
      originalKey: escalationKey('esc-broken'),
      value: broken,
      problems: expect.stringContaining('revision'),
    });

    const data = readStoredData(after, noOrganisation);
    expect(data.escalations.map((escalation) => escalation.id)).toEqual([good.id]);
    expect(data.quarantined).toEqual([
      {
        originalKey: escalationKey('esc-broken'),
        problems: expect.stringContaining('revision'),
        quarantinedAt: '2026-11-03T09:00:00.000Z',
      },
    ]);
  });

  it('leaves data from a newer release alone and refuses to write', async () => {
    const newer = STORAGE_VERSION + 1;
    await area().set({ [storageKeys.version]: newer, settings: { future: true } });
    const store = storeAt('2026-11-02T12:00:00Z');
    expect(await store.open()).toMatchObject({
      state: 'blocked',
      reason: expect.stringContaining('newer version'),
    });
    await expect(store.startEscalation(draft, socialWorker)).rejects.toMatchObject({
      code: 'storage-blocked',
    });
    expect(await stored()).toEqual({ [storageKeys.version]: newer, settings: { future: true } });
  });
});

describe('migrations', () => {
  const renameProfile: Migration = {
    version: 2,
    description: 'example: settings.profile becomes settings.me',
    migrate: (snapshot) => {
      const { profile, ...rest } = snapshot.settings as { profile: unknown };
      return { ...snapshot, settings: { ...rest, me: profile } };
    },
  };

  it('runs once, before any write, and records what it did', async () => {
    await area().set({ [storageKeys.version]: 1, settings: { profile: { name: 'Sam' } } });
    const store = storeAt('2026-11-02T12:00:00Z', { migrations: [renameProfile] });
    // The point here is that the migration ran first and wrote its output.
    const status = await store.open();
    expect(status).toMatchObject({
      state: 'ready',
      migrated: ['2: example: settings.profile becomes settings.me'],
    });
    expect((await stored())[storageKeys.version]).toBe(2);
    expect(await store.open()).toBe(status);
  });

  it('leaves the old data exactly as it was when a migration fails', async () => {
    const before = { [storageKeys.version]: 1, settings: { profile: { name: 'Sam' } } };
    await area().set(before);
    const failing: Migration = {
      version: 2,
      description: 'fails',
      migrate: () => {
        throw new Error('unexpected shape');
      },
    };
    const store = storeAt('2026-11-02T12:00:00Z', { migrations: [failing] });
    expect(await store.open()).toMatchObject({
      state: 'blocked',
      reason: expect.stringContaining('unexpected shape'),
    });
    await expect(store.saveSettings({ retentionDays: 7 })).rejects.toMatchObject({
      code: 'storage-blocked',
    });
    expect(await stored()).toEqual(before);
  });
});

describe('changing an escalation', () => {
  it('applies a change made on the latest revision', async () => {
    const store = storeAt('2026-11-02T16:00:00Z');
    const started = await store.startEscalation(draft, socialWorker);
    const changed = await store.changeEscalation(started.id, started.revision, discussion, socialWorker);
    expect(changed.revision).toBe(started.revision + 1);
    expect(changed.discussions).toHaveLength(1);
    expect((await stored())[escalationKey(started.id)]).toEqual(changed);
  });

  it('refuses a stale edit instead of overwriting newer data', async () => {
    const store = storeAt('2026-11-02T16:00:00Z');
    const started = await store.startEscalation(draft, socialWorker);
    // Two tabs, both showing revision 1, save at the same moment.
    const [first, second] = await Promise.allSettled([
      store.changeEscalation(started.id, started.revision, discussion, socialWorker),
      store.changeEscalation(started.id, started.revision, tick('feed-back'), teamManager),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(second).toMatchObject({ status: 'rejected', reason: { code: 'stale-revision' } });
    const saved = readStoredData(await stored(), noOrganisation).escalations[0] as Escalation;
    expect(saved.revision).toBe(started.revision + 1);
    expect(saved.discussions).toHaveLength(1);
  });

  it('loses none of many interleaved edits that each saw the latest revision', async () => {
    const store = storeAt('2026-11-02T16:00:00Z');
    const one = await store.startEscalation(draft, socialWorker);
    const two = await store.startEscalation(draft, socialWorker);
    const edits = Array.from({ length: 40 }, (_, index) => async () => {
      const target = index % 2 === 0 ? one.id : two.id;
      for (;;) {
        const latest = storedEscalations(await area().get(escalationKey(target)))[0] as Escalation;
        const change: EscalationChange = {
          kind: 'record-discussion',
          input: discussionAt('2026-11-02T14:00:00Z', { summary: `Edit ${index}` }),
        };
        try {
          return await store.changeEscalation(target, latest.revision, change, socialWorker);
        } catch (error) {
          if (!(error instanceof MessageError && error.code === 'stale-revision')) throw error;
        }
      }
    });
    await Promise.all(edits.map((edit) => edit()));
    const saved = readStoredData(await stored(), noOrganisation).escalations;
    const summaries = saved
      .flatMap((escalation) => escalation.discussions.map((entry) => entry.summary))
      .sort();
    expect(summaries).toEqual(Array.from({ length: 40 }, (_, index) => `Edit ${index}`).sort());
  });

  it('passes the lifecycle’s refusal through in the practitioner’s words', async () => {
    const store = storeAt('2026-11-02T16:00:00Z');
    const started = await store.startEscalation(draft, socialWorker);
    const future: EscalationChange = {
      kind: 'record-discussion',
      input: discussionAt('2026-11-09T14:00:00Z'),
    };
    await expect(store.changeEscalation(started.id, 1, future, socialWorker)).rejects.toMatchObject({
      code: 'in-the-future',
    });
    await expect(store.changeEscalation('missing', 1, discussion, socialWorker)).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('reports a write the browser refuses for quota, and keeps what was there', async () => {
    const store = storeAt('2026-11-02T16:00:00Z');
    const started = await store.startEscalation(draft, socialWorker);
    const full: LocalArea = {
      get: (keys) => area().get(keys),
      remove: (keys) => area().remove(keys),
      set: async () => {
        throw new Error('QUOTA_BYTES quota exceeded');
      },
    };
    const fullStore = storeAt('2026-11-02T16:00:00Z', { area: full });
    await expect(fullStore.changeEscalation(started.id, 1, discussion, socialWorker)).rejects.toMatchObject({
      code: 'storage-full',
      message: expect.stringContaining('not saved'),
    });
    expect((await stored())[escalationKey(started.id)]).toEqual(started);
  });
});

describe('backups', () => {
  async function twoEscalations() {
    const store = storeAt('2026-11-02T16:00:00Z');
    const one = await store.startEscalation(draft, socialWorker);
    await store.changeEscalation(one.id, 1, discussion, socialWorker);
    await store.startEscalation(draft, socialWorker);
    await store.saveSettings({ retentionDays: 14 });
    return store;
  }

  async function exportText() {
    const { escalations, user, keptReturns } = readStoredData(await stored(), noOrganisation);
    return JSON.stringify(
      await createBackup(escalations, user, new Date('2026-11-02T17:00:00Z'), keptReturns),
    );
  }

  it('round-trips: export, delete all, import restores everything exactly', async () => {
    const store = await twoEscalations();
    const before = await stored();
    const text = await exportText();

    expect(await store.deleteAll()).toBe(2);
    expect(await stored()).toEqual({ [storageKeys.version]: STORAGE_VERSION });

    const preview = await store.importBackup(text, 'merge');
    expect(preview.added).toEqual(['esc-1', 'esc-2']);
    expect(await stored()).toEqual(before);
  });

  it('merges: later revisions update, conflicting copies keep what is here, replace takes the file', async () => {
    const store = await twoEscalations();
    const text = await exportText();
    const esc2 = readStoredData(await stored(), noOrganisation).escalations.find(
      (escalation) => escalation.id === 'esc-2',
    );
    await store.changeEscalation('esc-2', esc2?.revision ?? 0, tick('feed-back'), socialWorker);
    await store.startEscalation(draft, socialWorker);

    const merged = await store.importBackup(text, 'merge');
    expect(merged).toMatchObject({ unchanged: ['esc-1'], conflicting: ['esc-2'], onlyHere: ['esc-3'] });
    expect(readStoredData(await stored(), noOrganisation).escalations).toHaveLength(3);

    await store.importBackup(text, 'replace');
    const after = readStoredData(await stored(), noOrganisation);
    expect(after.escalations.map((escalation) => escalation.id).sort()).toEqual(['esc-1', 'esc-2']);
    expect(after.escalations.find((escalation) => escalation.id === 'esc-2')?.dutiesDone).toEqual([]);
  });

  const badFiles: [string, (text: string) => string, string][] = [
    ['not JSON', () => '{ this is not json', 'not valid JSON'],
    ['not a backup', () => JSON.stringify({ hello: 'world' }), 'not a backup'],
    [
      'a newer format',
      (text) => JSON.stringify({ ...JSON.parse(text), version: BACKUP_VERSION + 1 }),
      'newer version of the extension',
    ],
    [
      'one invalid escalation',
      (text) => {
        const file = JSON.parse(text);
        file.escalations[1].child.recordId = '';
        return JSON.stringify(file);
      },
      'Escalation 2: child.recordId',
    ],
    [
      'a checksum mismatch',
      (text) => {
        const file = JSON.parse(text);
        file.escalations[0].concern.outcomeSought = 'Changed by hand.';
        return JSON.stringify(file);
      },
      'checksum does not match',
    ],
  ];

  it.each(badFiles)('refuses %s with the reason and changes nothing', async (_name, spoil, reason) => {
    const store = await twoEscalations();
    const text = spoil(await exportText());
    await store.deleteAll();
    const before = await stored();
    await expect(store.importBackup(text, 'replace')).rejects.toMatchObject({
      code: 'invalid-backup',
      message: expect.stringContaining(reason),
    });
    expect(await stored()).toEqual(before);
  });
});

describe('retention', () => {
  async function resolvedAt(resolvedAt: string) {
    const store = storeAt(resolvedAt);
    const startedAt = new Date(new Date(resolvedAt).getTime() - 3_600_000).toISOString();
    const started = await store.startEscalation(
      { ...draft, differenceStartedAt: startedAt, imminentRisk: { atRisk: false, answeredAt: startedAt } },
      socialWorker,
    );
    return store.changeEscalation(
      started.id,
      1,
      {
        kind: 'resolve',
        input: {
          agreementReached: true,
          agreementReason: 'Agreed on the phone.',
          outcomeId: 'resolved',
          summary: 'Agreed a referral.',
        },
      },
      socialWorker,
    );
  }

  it('deletes an ended escalation from the start of the day its retention ends, not before', async () => {
    const resolved = await resolvedAt('2026-11-03T16:00:00Z');
    // 30 days after Tue 3 Nov is Thu 3 Dec; London is on GMT, so 00:00 London is 00:00 UTC.
    expect(await storeAt('2026-12-02T23:59:59Z').applyRetention()).toBe(0);
    expect((await stored())[escalationKey(resolved.id)]).toBeDefined();
    expect(await storeAt('2026-12-03T00:00:00Z').applyRetention()).toBe(1);
    expect((await stored())[escalationKey(resolved.id)]).toBeUndefined();
  });

  it('counts the boundary in London time in summer too', async () => {
    await storeAt('2026-06-01T12:00:00Z').saveSettings({ retentionDays: 7 });
    await resolvedAt('2026-06-01T22:30:00Z'); // 23:30 BST on Mon 1 Jun
    expect(await storeAt('2026-06-07T22:59:59Z').applyRetention()).toBe(0);
    expect(await storeAt('2026-06-07T23:00:00Z').applyRetention()).toBe(1); // 00:00 BST on Mon 8 Jun
  });

  it('keeps the anonymised returns row of what it deletes, so the period’s returns still count it', async () => {
    await storeAt('2026-11-01T12:00:00Z').saveSettings({ profile: { team: 'Assessment Team A' } });
    const resolved = await resolvedAt('2026-11-03T16:00:00Z');
    const november = { from: '2026-11-01', to: '2026-11-30' };
    const before = readStoredData(await stored(), noOrganisation);
    expect(before.keptReturns).toEqual([]);

    expect(await storeAt('2026-12-03T00:00:00Z').applyRetention()).toBe(1);
    const after = readStoredData(await stored(), noOrganisation);
    expect(after.escalations).toEqual([]);
    expect(after.keptReturns).toHaveLength(1);
    expect(after.keptReturns[0]).toMatchObject({
      status: 'resolved',
      startedOn: '2026-11-03',
      endedOn: '2026-11-03',
      team: 'Assessment Team A',
      outcome: { id: 'resolved' },
    });
    expect(JSON.stringify(after.keptReturns)).not.toContain(resolved.child.recordId);
    expect(summariseReturns(after.keptReturns, november).started).toBe(1);
  });

  it('deletes a kept row once its own period after the escalation ended is over', async () => {
    await storeAt('2026-11-01T12:00:00Z').saveSettings({ returnsRetentionMonths: 2 });
    await resolvedAt('2026-11-03T16:00:00Z');
    await storeAt('2026-12-03T00:00:00Z').applyRetention();
    await storeAt('2027-01-02T23:59:00Z').applyRetention();
    expect(readStoredData(await stored(), noOrganisation).keptReturns).toHaveLength(1);
    await storeAt('2027-01-03T00:00:00Z').applyRetention();
    expect(readStoredData(await stored(), noOrganisation).keptReturns).toEqual([]);
    expect(await stored()).toMatchObject({ [storageKeys.keptReturns]: [] });
  });

  it('clears the kept rows when the user asks, and backs them up and restores them', async () => {
    await resolvedAt('2026-11-03T16:00:00Z');
    const store = storeAt('2026-12-03T00:00:00Z');
    await store.applyRetention();
    const { escalations, user, keptReturns } = readStoredData(await stored(), noOrganisation);
    const backup = JSON.stringify(
      await createBackup(escalations, user, new Date('2026-12-03T09:00:00Z'), keptReturns),
    );

    expect(await store.clearKeptReturns()).toBe(1);
    expect(await stored()).not.toHaveProperty(storageKeys.keptReturns);

    await store.importBackup(backup, 'merge');
    expect(readStoredData(await stored(), noOrganisation).keptReturns).toEqual(keptReturns);
    await store.importBackup(backup, 'merge');
    expect(readStoredData(await stored(), noOrganisation).keptReturns).toEqual(keptReturns);
  });

  it('still imports a version 1 backup, made before kept rows, with none', async () => {
    // Written by the release before kept rows (its checksum covers the escalations and settings alone).
    const versionOne = readFileSync('test/fixtures/backups/version-1.json', 'utf8');
    const store = storeAt('2026-11-02T18:00:00Z');
    const preview = await store.importBackup(versionOne, 'replace');
    expect(preview.added).toEqual(['esc-1']);
    const after = readStoredData(await stored(), noOrganisation);
    expect(after.keptReturns).toEqual([]);
    expect(after.user).toEqual({ retentionDays: 14 });
  });

  it('keeps open escalations whatever their age', async () => {
    await storeAt('2026-01-05T10:00:00Z').startEscalation(
      {
        ...draft,
        differenceStartedAt: '2026-01-05T09:00:00Z',
        imminentRisk: { atRisk: false, answeredAt: '2026-01-05T09:05:00Z' },
      },
      socialWorker,
    );
    expect(await storeAt('2027-01-05T10:00:00Z').applyRetention()).toBe(0);
  });
});

describe('migration 2: settings keep only what the user changed', () => {
  it('drops the version 1 defaults and keeps the user’s own choices', async () => {
    await area().set({
      [storageKeys.version]: 1,
      settings: {
        profile: { name: 'Sam Patel', role: 'Social worker' },
        activePolicy: { id: 'pan-berkshire', version: 'March 2026' },
        calendar: {},
        dueSoonLeadWorkingDays: 0,
        notifications: { enabled: false, workingHoursOnly: true },
        retentionDays: 30,
        showChildNames: false,
      },
    });
    const status = await storeAt('2026-11-02T12:00:00Z').open();
    expect(status).toEqual({
      state: 'ready',
      migrated: [
        '2: settings keep only what the user changed',
        '3: each enabled site has an on/off switch and an adapter choice',
      ],
      quarantined: 0,
    });
    expect(await stored()).toEqual({
      [storageKeys.version]: STORAGE_VERSION,
      settings: {
        profile: { name: 'Sam Patel', role: 'Social worker' },
        notifications: { enabled: false, workingHoursOnly: true },
      },
    });
  });

  it('lets an organisation’s default reach a setting the user never changed', async () => {
    await area().set({ [storageKeys.version]: 1, settings: { retentionDays: 30, showChildNames: false } });
    await storeAt('2026-11-02T12:00:00Z').open();
    const organisation = { retentionDays: 60, userMayChange: ['retentionDays'] };
    expect(
      readStoredData(await stored(), { state: 'found', values: organisation }).settings.retentionDays,
    ).toBe(60);
  });
});

describe('migration 3: each enabled site has an on/off switch and an adapter choice', () => {
  const version2 = {
    [storageKeys.version]: 2,
    settings: { retentionDays: 14 },
    enabledSites: ['https://lcs.council.example/*', 'http://127.0.0.1/*', 'not a site', 42],
  };

  it('is pure: the old list of patterns in, every site on with every adapter tried out', () => {
    const migration = storageMigrations.find((candidate) => candidate.version === 3);
    const before = structuredClone(version2);
    expect(migration?.migrate(before)).toEqual({
      [storageKeys.version]: 2,
      settings: { retentionDays: 14 },
      sites: [
        { site: 'https://lcs.council.example/*', on: true },
        { site: 'http://127.0.0.1/*', on: true },
      ],
    });
    expect(before).toEqual(version2);
  });

  it('runs when the store opens, removing the old key, and the new list reads back whole', async () => {
    await area().set(version2);
    const status = await storeAt('2026-11-02T12:00:00Z').open();
    expect(status).toMatchObject({
      migrated: ['3: each enabled site has an on/off switch and an adapter choice'],
    });
    const after = await stored();
    expect(after.enabledSites).toBeUndefined();
    expect(after[storageKeys.version]).toBe(3);
    expect(readSiteEntries(after[storageKeys.sites])).toEqual([
      { site: 'https://lcs.council.example/*', on: true },
      { site: 'http://127.0.0.1/*', on: true },
    ]);
  });

  it('leaves a store that never enabled a site without a list', async () => {
    await area().set({ [storageKeys.version]: 2, settings: {} });
    await storeAt('2026-11-02T12:00:00Z').open();
    expect(await stored()).toEqual({ [storageKeys.version]: 3, settings: {} });
  });
});

describe('settings and the organisation', () => {
  it('refuses to save a setting the organisation locks, and saves nothing of that change', async () => {
    const store = storeAt('2026-11-02T12:00:00Z', { managed: fakeAreas({ retentionDays: 30 }).managed });
    await expect(store.saveSettings({ retentionDays: 7, showChildNames: true })).rejects.toMatchObject({
      code: 'setting-locked',
    });
    expect((await stored()).settings).toBeUndefined();
    await store.saveSettings({ showChildNames: true });
    expect((await stored()).settings).toEqual({ showChildNames: true });
  });

  it('keeps an inline organisation policy with the user’s settings once an escalation starts under it', async () => {
    const managed = fakeAreas({ policyJson: JSON.stringify(exampleChainedPolicy) }).managed;
    const store = storeAt('2026-11-02T12:00:00Z', { managed });
    const policy = { id: exampleChainedPolicy.id, version: exampleChainedPolicy.version };
    await store.startEscalation(
      { ...draft, policy, concern: { ...draft.concern, reasonCategory: 'other' } },
      socialWorker,
    );
    const kept = readStoredData(await stored(), noOrganisation);
    expect(kept.settings.importedPolicies).toEqual([exampleChainedPolicy]);
    expect(kept.escalations[0]?.policy).toEqual(policy);
  });

  it('keeps an imported policy while an escalation runs under it or new escalations start under it', async () => {
    const store = storeAt('2026-11-02T12:00:00Z');
    const policy = { id: exampleChainedPolicy.id, version: exampleChainedPolicy.version };
    await store.saveSettings({ importedPolicies: [exampleChainedPolicy], activePolicy: policy });
    await expect(store.saveSettings({}, ['importedPolicies'])).rejects.toMatchObject({
      code: 'policy-needed',
      message: expect.stringMatching(/no policy “example-chained” version “1” to start new escalations/),
    });
    await store.startEscalation(
      { ...draft, policy, concern: { ...draft.concern, reasonCategory: 'other' } },
      socialWorker,
    );
    await store.saveSettings({}, ['activePolicy']);
    await expect(store.saveSettings({ importedPolicies: [] })).rejects.toMatchObject({
      code: 'policy-needed',
      message:
        '1 stored escalation runs under “example-chained” version “1”, so it cannot be removed until it has been deleted. Nothing was saved.',
    });
    expect(readStoredData(await stored(), noOrganisation).settings.importedPolicies).toEqual([
      exampleChainedPolicy,
    ]);
  });
});
