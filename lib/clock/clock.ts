import { TEST_CLOCK_KEY } from '@/lib/storage/keys';
import * as z from '../schema/zod';

/**
 * Where "now" comes from. Everything that depends on the time takes a Clock,
 * so tests can put "now" anywhere without waiting; `realTimeOf` converts a
 * moment on that clock into the real time an alarm must be set for.
 */
export interface Clock {
  now(): Date;
  realTimeOf(instant: Date): number;
}

export const systemClock: Clock = {
  now: () => new Date(),
  realTimeOf: (instant) => instant.getTime(),
};

/** What test builds keep under TEST_CLOCK_KEY in `storage.session`: the clock's offset from real time, in ms. */
export const offsetSchema = z.number();

interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  onChanged: {
    addListener(callback: (changes: Record<string, { newValue?: unknown }>) => void): void;
  };
}

/**
 * A clock running `offset` ms ahead of real time, the offset read from
 * `storage.session` and followed as tests move it. Only test and development
 * builds create one; `ready` settles once the first offset has been read, so
 * nothing computes with the wrong time at start-up, and `onMove` lets the
 * background recompute when a test moves the clock.
 */
export function sessionOffsetClock(
  session: SessionArea,
  onMove?: () => void,
): Clock & { ready: Promise<void> } {
  let offset = 0;
  const adopt = (value: unknown) => {
    const parsed = offsetSchema.safeParse(value);
    offset = parsed.success ? parsed.data : 0;
  };
  session.onChanged.addListener((changes) => {
    if (!(TEST_CLOCK_KEY in changes)) return;
    adopt(changes[TEST_CLOCK_KEY]?.newValue);
    onMove?.();
  });
  const ready = session.get(TEST_CLOCK_KEY).then((stored) => adopt(stored[TEST_CLOCK_KEY]));
  return {
    ready,
    now: () => new Date(Date.now() + offset),
    realTimeOf: (instant) => instant.getTime() - offset,
  };
}
