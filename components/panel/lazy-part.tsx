import { type ComponentType, type LazyExoticComponent, lazy, Suspense, useState } from 'react';

/** A part of the panel fetched only after its first screen (see `lazyPart`). */
export interface LazyPart<Props extends object> {
  /** Fetches the part; the panel does so once its first screen is shown, when the browser is idle. */
  preload(): Promise<ComponentType<Props>>;
  loaded(): ComponentType<Props> | undefined;
  later: LazyExoticComponent<ComponentType<Props>>;
}

export function lazyPart<Props extends object>(load: () => Promise<ComponentType<Props>>): LazyPart<Props> {
  let loaded: ComponentType<Props> | undefined;
  let loading: Promise<ComponentType<Props>> | undefined;
  const preload = () => {
    loading ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        // Asked again next time, rather than failing for good.
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  return { preload, loaded: () => loaded, later: lazy(async () => ({ default: await preload() })) };
}

/**
 * Shows a lazy part: at once when it is here already (it is fetched right
 * after the first screen), otherwise a short "Loading…" for the moment it takes.
 */
export function Deferred<Props extends object>({ part, props }: { part: LazyPart<Props>; props: Props }) {
  // Chosen once per screen, so a part shown while loading is never swapped for another under the practitioner.
  const [Here] = useState(part.loaded);
  if (Here) return <Here {...props} />;
  const Later = part.later;
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <Later {...props} />
    </Suspense>
  );
}

/** Runs `task` when the browser is next idle, once this screen has been painted. */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 2_000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(task, 200);
  return () => clearTimeout(timer);
}
