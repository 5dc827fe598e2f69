import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ensurePeriodicAlarm } from './alarms';

describe('ensurePeriodicAlarm', () => {
  it('creates a missing alarm and leaves an existing one alone', async () => {
    await ensurePeriodicAlarm(fakeBrowser.alarms, 'retention', 360);
    const first = await fakeBrowser.alarms.get('retention');
    expect(first?.periodInMinutes).toBe(360);

    await ensurePeriodicAlarm(fakeBrowser.alarms, 'retention', 360);
    expect((await fakeBrowser.alarms.get('retention'))?.scheduledTime).toBe(first?.scheduledTime);
  });

  it('replaces an alarm whose period changed', async () => {
    await ensurePeriodicAlarm(fakeBrowser.alarms, 'retention', 60);
    await ensurePeriodicAlarm(fakeBrowser.alarms, 'retention', 360);
    expect((await fakeBrowser.alarms.get('retention'))?.periodInMinutes).toBe(360);
  });
});
