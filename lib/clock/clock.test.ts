import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TEST_CLOCK_KEY } from '@/lib/storage/keys';
import { sessionOffsetClock, systemClock } from './clock';

describe('sessionOffsetClock', () => {
  it('runs ahead of real time by the offset a test stores, and follows changes', async () => {
    await fakeBrowser.storage.session.set({ [TEST_CLOCK_KEY]: 86_400_000 });
    const clock = sessionOffsetClock(fakeBrowser.storage.session);
    await clock.ready;
    const ahead = clock.now().getTime() - Date.now();
    expect(ahead).toBeGreaterThan(86_399_000);
    expect(ahead).toBeLessThan(86_401_000);
    expect(clock.realTimeOf(new Date(Date.UTC(2026, 10, 3)))).toBe(Date.UTC(2026, 10, 2));

    await fakeBrowser.storage.session.set({ [TEST_CLOCK_KEY]: 0 });
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('ignores an offset that is not a number', async () => {
    await fakeBrowser.storage.session.set({ [TEST_CLOCK_KEY]: 'tomorrow' });
    const clock = sessionOffsetClock(fakeBrowser.storage.session);
    await clock.ready;
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });
});

describe('systemClock', () => {
  it('is real time', () => {
    expect(Math.abs(systemClock.now().getTime() - Date.now())).toBeLessThan(1000);
    expect(systemClock.realTimeOf(new Date(5))).toBe(5);
  });
});
