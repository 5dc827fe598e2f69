import { describe, expect, it } from 'vitest';
import { exampleChainedPolicy } from '../../test/fixtures/policies/example-chained';
import { panBerkshirePolicy } from '../policy';
import { organisationSettingsFrom } from './managed';
import { changedUserSettings, checkUserChange, settingsView } from './resolve';
import { defaultSettings, userSettingsSchema } from './schema';

const organisation = (values: Record<string, unknown>) =>
  organisationSettingsFrom({ state: 'found', values });
const none = organisationSettingsFrom({ state: 'none' });

describe('settings in force', () => {
  it('are the release defaults when nobody has set anything', () => {
    const view = settingsView({}, none);
    expect(view.settings).toEqual(defaultSettings);
    expect(view.locked).toEqual([]);
    expect(view.organisation.warnings).toEqual([]);
  });

  it('take the user’s own choices over the defaults', () => {
    const { settings } = settingsView(
      { retentionDays: 14, calendar: { workingHours: { start: '08:30', end: '16:30' } } },
      none,
    );
    expect(settings.retentionDays).toBe(14);
    expect(settings.calendar).toEqual({ workingHours: { start: '08:30', end: '16:30' } });
    expect(settings.notifications).toEqual(defaultSettings.notifications);
  });

  it('let the organisation’s values win, locked, one calendar field and contact at a time', () => {
    const view = settingsView(
      {
        retentionDays: 90,
        calendar: { region: 'scotland', workingHours: { start: '08:00', end: '16:00' } },
        contacts: { lineManager: { name: 'Jo Okafor' }, businessManager: { name: 'Someone else' } },
      },
      organisation({
        retentionDays: 30,
        region: 'england-and-wales',
        contacts: { businessManager: { name: 'Partnership office', email: 'office@partnership.example' } },
      }),
    );
    expect(view.settings.retentionDays).toBe(30);
    expect(view.settings.calendar).toEqual({
      region: 'england-and-wales',
      workingHours: { start: '08:00', end: '16:00' },
    });
    expect(view.settings.contacts).toEqual({
      lineManager: { name: 'Jo Okafor' },
      businessManager: { name: 'Partnership office', email: 'office@partnership.example' },
    });
    expect(view.locked.sort()).toEqual(['calendar.region', 'contacts.businessManager', 'retentionDays']);
  });

  it('treat a value the organisation lets users change as a default the user’s choice overrides', () => {
    const managed = organisation({
      retentionDays: 60,
      dueSoonLeadWorkingDays: 1,
      userMayChange: ['retentionDays'],
    });
    expect(settingsView({}, managed).settings.retentionDays).toBe(60);
    const view = settingsView({ retentionDays: 14 }, managed);
    expect(view.settings.retentionDays).toBe(14);
    expect(view.settings.dueSoonLeadWorkingDays).toBe(1);
    expect(view.locked).toEqual(['dueSoonLeadWorkingDays']);
  });

  it('ignore each bad managed value whole, with a warning, and apply the rest', () => {
    const view = settingsView(
      {},
      organisation({
        organisationName: 'Example Borough Council',
        retentionDays: 0,
        closures: [{ date: '2026-12-29' }, { date: '29/12/2026' }],
        workingHours: { start: '08:00', end: '16:00' },
        colour: 'blue',
      }),
    );
    expect(view.organisation.name).toBe('Example Borough Council');
    expect(view.settings.retentionDays).toBe(defaultSettings.retentionDays);
    // One bad closure date costs the whole closures setting, never half of it.
    expect(view.settings.calendar.closures).toBeUndefined();
    expect(view.settings.calendar.workingHours).toEqual({ start: '08:00', end: '16:00' });
    expect(view.organisation.warnings).toEqual([
      expect.stringContaining('“retentionDays” was ignored'),
      expect.stringContaining('“closures” was ignored'),
      '“colour” is not a setting this extension knows; it was ignored.',
    ]);
    expect(view.locked).toEqual(['calendar.workingHours']);
  });

  it('lock every managed value when userMayChange itself is bad', () => {
    const view = settingsView({}, organisation({ retentionDays: 45, userMayChange: ['retention'] }));
    expect(view.locked).toEqual(['retentionDays']);
    expect(view.organisation.warnings).toEqual([expect.stringContaining('“userMayChange” was ignored')]);
  });

  it('take a policy given inline, checked by the policy parser, as the active policy', () => {
    const view = settingsView({}, organisation({ policyJson: JSON.stringify(exampleChainedPolicy) }));
    expect(view.settings.activePolicy).toEqual({
      id: exampleChainedPolicy.id,
      version: exampleChainedPolicy.version,
    });
    expect(view.settings.importedPolicies).toEqual([exampleChainedPolicy]);
    expect(view.locked).toEqual(['activePolicy']);
  });

  it('ignore an inline policy with problems, and a policy id that does not exist', () => {
    const broken = { ...exampleChainedPolicy, steps: [] };
    const inline = settingsView({}, organisation({ policyJson: JSON.stringify(broken) }));
    expect(inline.settings.activePolicy).toEqual(defaultSettings.activePolicy);
    expect(inline.organisation.warnings).toEqual([
      expect.stringContaining('“policyJson” was ignored: steps'),
    ]);

    const missing = settingsView({}, organisation({ policy: { id: 'nowhere', version: '1' } }));
    expect(missing.settings.activePolicy).toEqual(defaultSettings.activePolicy);
    expect(missing.locked).toEqual([]);
    expect(missing.organisation.warnings).toEqual([
      expect.stringContaining('no policy “nowhere” version “1”'),
    ]);

    const builtIn = settingsView(
      {},
      organisation({ policy: { id: panBerkshirePolicy.id, version: panBerkshirePolicy.version } }),
    );
    expect(builtIn.locked).toEqual(['activePolicy']);
  });

  it('keep sites and adapters for the site settings, locked unless users may change them', () => {
    const managed = organisation({
      sites: [{ site: 'https://cases.example.org/*', adapter: 'generic' }, { site: 'not a site' }],
    });
    expect(managed.sites).toEqual([]);
    expect(managed.warnings).toEqual([expect.stringContaining('“sites” was ignored')]);
    const good = organisation({ sites: [{ site: 'https://cases.example.org/*' }], userMayChange: ['sites'] });
    expect(good.sites).toEqual([{ site: 'https://cases.example.org/*', locked: false }]);
  });
});

describe('changing settings', () => {
  it('refuses a change to a locked setting, and any change while the organisation’s settings load', () => {
    const managed = organisation({ region: 'scotland' });
    expect(() => checkUserChange({ calendar: { region: 'england-and-wales' } }, managed)).toThrow(
      expect.objectContaining({ code: 'setting-locked' }),
    );
    expect(() =>
      checkUserChange({ calendar: { workingHours: { start: '08:00', end: '16:00' } } }, managed),
    ).not.toThrow();
    expect(() =>
      checkUserChange({ retentionDays: 7 }, organisationSettingsFrom({ state: 'loading' })),
    ).toThrow(expect.objectContaining({ code: 'settings-loading' }));
  });

  it('keeps a change of one calendar field as that field alone, so locked closures do not refuse it', () => {
    const change = userSettingsSchema.parse({ calendar: { region: 'scotland' } });
    expect(change).toEqual({ calendar: { region: 'scotland' } });
    const managed = organisation({ closures: [{ date: '2026-12-29', name: 'Office closed' }] });
    expect(() => checkUserChange(change, managed)).not.toThrow();
    expect(settingsView(change, managed).settings.calendar.closures).toEqual([
      { date: '2026-12-29', name: 'Office closed' },
    ]);
  });

  it('replaces each changed setting, merges calendar fields and contacts, and resets to the default', () => {
    const stored = {
      retentionDays: 14,
      calendar: { region: 'scotland' as const },
      contacts: { lineManager: { name: 'Jo' } },
    };
    const next = changedUserSettings(stored, {
      calendar: { workingHours: { start: '08:00', end: '16:00' } },
      contacts: { safeguardingLead: { name: 'Ali' } },
    });
    expect(next).toEqual({
      retentionDays: 14,
      calendar: { region: 'scotland', workingHours: { start: '08:00', end: '16:00' } },
      contacts: { lineManager: { name: 'Jo' }, safeguardingLead: { name: 'Ali' } },
    });
    expect(
      changedUserSettings(next, {}, [
        'retentionDays',
        'calendar.region',
        'contacts.lineManager',
        'contacts.safeguardingLead',
      ]),
    ).toEqual({
      calendar: { workingHours: { start: '08:00', end: '16:00' } },
    });
  });
});

describe('before the organisation’s settings are known', () => {
  it('locks every setting and hides children’s names, whatever the user chose', () => {
    const view = settingsView(
      { showChildNames: true, retentionDays: 14 },
      organisationSettingsFrom({ state: 'loading' }),
    );
    expect(view.settings.showChildNames).toBe(false);
    expect(view.settings.retentionDays).toBe(14);
    expect(view.locked).toEqual(
      expect.arrayContaining(['retentionDays', 'calendar.region', 'contacts.lineManager', 'profile']),
    );
  });
});

describe('the settings for what goes to the partnership', () => {
  it('keeps returns rows 13 months and leaves the record id out, unless IT or the user says otherwise', () => {
    expect(defaultSettings.returnsRetentionMonths).toBe(13);
    expect(defaultSettings.notificationIncludesRecordId).toBe(false);
    const organisation = organisationSettingsFrom({
      state: 'found',
      values: { returnsRetentionMonths: 24, notificationIncludesRecordId: true },
    });
    expect(organisation.warnings).toEqual([]);
    expect(organisation.enforced).toEqual({ returnsRetentionMonths: 24, notificationIncludesRecordId: true });
    const view = settingsView(
      { returnsRetentionMonths: 6, notificationIncludesRecordId: false },
      organisation,
    );
    expect(view.settings.returnsRetentionMonths).toBe(24);
    expect(view.settings.notificationIncludesRecordId).toBe(true);
    expect(view.locked).toEqual(
      expect.arrayContaining(['returnsRetentionMonths', 'notificationIncludesRecordId']),
    );
    expect(
      organisationSettingsFrom({ state: 'found', values: { returnsRetentionMonths: 0 } }).warnings,
    ).toHaveLength(1);
  });
});
