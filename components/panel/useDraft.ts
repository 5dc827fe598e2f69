import { useCallback, useEffect, useRef, useState } from 'react';
import type * as z from '@/lib/schema/zod';
import type { DraftStore } from './workspace-types';

export interface Draft<T> {
  values: T;
  update(change: (values: T) => T): void;
  /** Forgets the draft (after it was saved for real) and starts again from blank. */
  clear(): void;
}

/**
 * Form values kept in the draft store, so a half-typed form survives the
 * panel closing. A saved draft that no longer fits the form is ignored, and
 * one that loads after the practitioner has started typing never overwrites
 * what they typed.
 */
export function useDraft<T>(
  store: DraftStore,
  key: string,
  schema: z.ZodMiniType<T>,
  blank: () => T,
): Draft<T> {
  const [values, setValues] = useState(blank);
  const edited = useRef(false);
  const loaded = useRef(false);

  useEffect(() => {
    let current = true;
    loaded.current = false;
    edited.current = false;
    store.load(key).then(
      (saved) => {
        if (!current) return;
        loaded.current = true;
        const parsed = schema.safeParse(saved);
        if (parsed.success && !edited.current) setValues(parsed.data);
      },
      () => {
        loaded.current = true;
      },
    );
    return () => {
      current = false;
    };
  }, [store, key, schema]);

  useEffect(() => {
    // Nothing is saved until the practitioner types, so a blank form never replaces a saved draft.
    if (edited.current) void store.save(key, values).catch(() => undefined);
  }, [store, key, values]);

  const update = useCallback((change: (values: T) => T) => {
    edited.current = true;
    setValues(change);
  }, []);

  const clear = useCallback(() => {
    edited.current = false;
    setValues(blank());
    void store.clear(key).catch(() => undefined);
  }, [store, key, blank]);

  return { values, update, clear };
}
