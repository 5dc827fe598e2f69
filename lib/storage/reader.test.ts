import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { LocalArea } from './area';
import { storedDataSource } from './reader';
import type { StoredData } from './snapshot';
import { fakeChanges } from './testing';

describe('stored data for a page', () => {
  it('shows the data at once under strict settings, then again with the organisation’s when they arrive', async () => {
    const local = fakeBrowser.storage.local as unknown as LocalArea;
    await local.set({ settings: { showChildNames: true, retentionDays: 14 } });
    let answer: (values: Record<string, unknown>) => void = () => {};
    const managed = { get: () => new Promise<Record<string, unknown>>((resolve) => (answer = resolve)) };
    const source = storedDataSource({ local, managed }, fakeChanges());

    const first = await source.load();
    expect(first.organisation.state).toBe('loading');
    expect(first.settings.showChildNames).toBe(false);
    expect(first.locked).toContain('retentionDays');

    const seen: StoredData[] = [];
    const stop = source.watch((data) => seen.push(data));
    answer({ organisationName: 'Example Borough Council', retentionDays: 30 });
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]?.organisation.name).toBe('Example Borough Council');
    expect(seen[0]?.settings).toMatchObject({ showChildNames: true, retentionDays: 30 });
    expect(seen[0]?.locked).toEqual(['retentionDays']);

    await local.set({ settings: { showChildNames: false } });
    await expect.poll(() => seen.length).toBe(2);
    expect(seen[1]?.settings.showChildNames).toBe(false);
    stop();
  });
});
