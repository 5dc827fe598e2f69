import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDraftStore } from './drafts';

describe('createDraftStore', () => {
  it('keeps drafts in storage.session, under their own prefix', async () => {
    const drafts = createDraftStore(fakeBrowser.storage.session);
    await drafts.save('start', { agency: 'Health' });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ 'draft:start': { agency: 'Health' } });
    expect(await drafts.load('start')).toEqual({ agency: 'Health' });
    await drafts.clear('start');
    expect(await drafts.load('start')).toBeUndefined();
  });

  it('keeps drafts in memory where storage.session is refused', async () => {
    const refused = async () => {
      throw new Error('storage.session is not available here');
    };
    const drafts = createDraftStore({ get: refused, set: refused, remove: refused });
    await drafts.save('start', 'typed');
    expect(await drafts.load('start')).toBe('typed');
    await drafts.clear('start');
    expect(await drafts.load('start')).toBeUndefined();
  });
});
