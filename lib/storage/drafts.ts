import { draftKey } from './keys';

/** The part of `storage.session` a draft store needs. */
interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface DraftStore {
  load(key: string): Promise<unknown>;
  save(key: string, draft: unknown): Promise<void>;
  clear(key: string): Promise<void>;
}

/**
 * Where the panel keeps a half-typed form, so it survives the panel closing
 * and reopening: `storage.session` (memory only, gone when the browser
 * closes). Firefox gives an extension page framed into a web page no
 * `storage.session`; there drafts live in the panel's own memory, which
 * lasts as long as the page beside it, since closing the panel only hides it.
 * What is loaded is untrusted: callers parse it.
 */
export function createDraftStore(session: SessionArea | undefined): DraftStore {
  const memory = new Map<string, unknown>();
  const inMemory: DraftStore = {
    load: async (key) => memory.get(key),
    save: async (key, draft) => void memory.set(key, draft),
    clear: async (key) => void memory.delete(key),
  };
  if (!session) return inMemory;
  let usable = true;
  const attempt = async <T>(inSession: () => Promise<T>, fallback: () => Promise<T>): Promise<T> => {
    if (usable) {
      try {
        return await inSession();
      } catch {
        usable = false;
      }
    }
    return fallback();
  };
  return {
    load: (key) =>
      attempt(
        async () => (await session.get(draftKey(key)))[draftKey(key)],
        () => inMemory.load(key),
      ),
    save: (key, draft) =>
      attempt(
        () => session.set({ [draftKey(key)]: draft }),
        () => inMemory.save(key, draft),
      ),
    clear: (key) =>
      attempt(
        () => session.remove(draftKey(key)),
        () => inMemory.clear(key),
      ),
  };
}
