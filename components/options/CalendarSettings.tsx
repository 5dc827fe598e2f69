import { useId, useState } from 'react';
import { ErrorSummary } from '@/components/shared/Fields';
import { plural } from '@/components/shared/plural';
import { type CalendarSettings as Calendar, type CalendarChanges, calendarFor } from '@/lib/calendar';
import { deadlineRuleSchema, type Policy, ukRegionSchema } from '@/lib/policy';
import { defaultSettings } from '@/lib/settings';
import type { DataClient, StoredData } from '@/lib/storage';
import { DateList } from './DateList';
import { OfficialHolidays } from './OfficialHolidays';
import { UK_REGIONS } from './policy-choices';
import { SettingBlock, useEdited } from './SettingBlock';

interface CalendarSettingsProps {
  data: StoredData;
  client: DataClient;
  /** The policy new escalations start under: its calendar is what the user's settings change. */
  policy: Policy;
}

/** What each setting goes back to, and whose choice that is. */
interface Defaults {
  calendar: Calendar;
  whose(field: keyof CalendarChanges): string;
}

interface BlockProps extends CalendarSettingsProps {
  calendar: Calendar;
  defaults: Defaults;
}

const RULES = {
  'end-of-day': {
    label: 'At the end of the working day',
    explanation:
      'A step due in 2 working days is due when working hours end on the second working day after the difference started, whatever time it started.',
  },
  'same-time': {
    label: 'At the same time of day',
    explanation:
      'A step due in 2 working days is due at the time the difference started, two working days later (counted from the start of working hours if it started outside them).',
  },
} as const;

const leadInWords = (lead: number) =>
  lead === 0 ? 'on the working day it is due' : `from ${plural(lead, 'working day')} before it is due`;

/**
 * The working calendar deadlines are counted in. Each escalation's deadlines
 * are worked out from these settings whenever they are shown, so a change
 * moves the deadlines of escalations already open.
 */
export function CalendarSettings({ data, client, policy }: CalendarSettingsProps) {
  const headingId = useId();
  const calendar = calendarFor(policy, data.settings.calendar);
  const organisation = data.organisation.defaults.calendar ?? {};
  const defaults: Defaults = {
    calendar: calendarFor(policy, organisation),
    whose: (field) => (organisation[field] === undefined ? 'from the policy' : 'your organisation’s'),
  };
  const props = { data, client, policy, calendar, defaults };
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Working calendar</h3>
      <p>
        Deadlines count working days and working hours in UK time. The policy sets the region, hours and
        deadline rule; you or your organisation can change them here. A change moves the deadlines of
        escalations already open, in the panel and in alerts.
      </p>
      <RegionSetting {...props} />
      <WorkingHoursSetting {...props} />
      <DeadlineRuleSetting {...props} />
      <DueSoonSetting {...props} />
      <DateList
        data={data}
        client={client}
        path="calendar.closures"
        title="Organisation closure dates"
        noun="closure date"
        about="Days your organisation is closed, such as between Christmas and New Year. Deadlines pass over them like bank holidays."
        entries={calendar.closures}
        naming="optional"
        defaultInWords={
          organisation.closures
            ? `your organisation’s ${plural(organisation.closures.length, 'date')}`
            : 'none'
        }
        save={(closures) => client.saveSettings({ calendar: { closures } })}
      />
      <DateList
        data={data}
        client={client}
        path="calendar.additions"
        title="One-off holidays"
        noun="one-off holiday"
        about="A bank holiday announced after this version of the extension was released, such as a state funeral. It applies in every region."
        entries={calendar.additions}
        naming="required"
        defaultInWords={
          organisation.additions
            ? `your organisation’s ${plural(organisation.additions.length, 'date')}`
            : 'none'
        }
        save={(additions) =>
          client.saveSettings({
            calendar: { additions: additions.map(({ date, name }) => ({ date, name: name ?? '' })) },
          })
        }
      />
      <DateList
        data={data}
        client={client}
        path="calendar.removals"
        title="Working days after all"
        noun="working day"
        about="A date the bank holiday tables or your closures count as a day off that your organisation works, for example when a bank holiday is cancelled or moved. Deadlines count it as a working day, even at a weekend."
        entries={calendar.removals.map((date) => ({ date }))}
        naming="none"
        defaultInWords="none"
        save={(removals) => client.saveSettings({ calendar: { removals: removals.map(({ date }) => date) } })}
      />
      <OfficialHolidays data={data} client={client} calendar={calendar} />
    </section>
  );
}

function RegionSetting({ data, client, calendar, defaults }: BlockProps) {
  const id = useId();
  const [region, setRegion] = useEdited(calendar.region);
  return (
    <SettingBlock
      data={data}
      client={client}
      path="calendar.region"
      title="UK region"
      about={<p>Deadlines pass over the bank holidays of this part of the UK.</p>}
      defaultInWords={`${UK_REGIONS[defaults.calendar.region]}, ${defaults.whose('region')}`}
      save={() => async () => {
        await client.saveSettings({ calendar: { region } });
        return `Saved: deadlines pass over the bank holidays of ${UK_REGIONS[region]}.`;
      }}
    >
      {({ locked, lockedNoteId }) => (
        <div className="field">
          <label htmlFor={id}>Region</label>
          <select
            id={id}
            value={region}
            disabled={locked}
            aria-describedby={lockedNoteId}
            onChange={(event) => {
              const chosen = ukRegionSchema.safeParse(event.target.value);
              if (chosen.success) setRegion(chosen.data);
            }}
          >
            {ukRegionSchema.options.map((option) => (
              <option key={option} value={option}>
                {UK_REGIONS[option]}
              </option>
            ))}
          </select>
        </div>
      )}
    </SettingBlock>
  );
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function WorkingHoursSetting({ data, client, calendar, defaults }: BlockProps) {
  const id = useId();
  const [hours, setHours] = useEdited(calendar.workingHours);
  const [checking, setChecking] = useState(false);
  const errors = {
    start: TIME.test(hours.start) ? undefined : 'Enter the start as a 24-hour time, for example 09:00',
    end: !TIME.test(hours.end)
      ? 'Enter the end as a 24-hour time, for example 17:00'
      : TIME.test(hours.start) && hours.end <= hours.start
        ? 'Working hours must end after they start'
        : undefined,
  };
  const errorCount = Object.values(errors).filter(Boolean).length;
  const { start, end } = defaults.calendar.workingHours;
  return (
    <SettingBlock
      data={data}
      client={client}
      path="calendar.workingHours"
      title="Working hours"
      about={
        <p>
          Timescales in working hours count only these hours, and “end of the working day” is when they end.
        </p>
      }
      defaultInWords={`${start}–${end}, ${defaults.whose('workingHours')}`}
      save={() => {
        setChecking(true);
        if (errorCount > 0) return undefined;
        return async () => {
          await client.saveSettings({ calendar: { workingHours: hours } });
          return `Saved: working hours are ${hours.start} to ${hours.end}.`;
        };
      }}
    >
      {({ locked, lockedNoteId }) => (
        <fieldset className="time-range" aria-describedby={lockedNoteId}>
          <legend>Working hours (UK time, 24-hour)</legend>
          {checking && <ErrorSummary count={errorCount} />}
          {(['start', 'end'] as const).map((part) => {
            const error = checking ? errors[part] : undefined;
            return (
              <div className="field" key={part}>
                <label htmlFor={`${id}-${part}`}>{part === 'start' ? 'Start' : 'End'}</label>
                {error && (
                  <p id={`${id}-${part}-error`} className="field-error">
                    <span aria-hidden="true">⚠ </span>
                    {error}
                  </p>
                )}
                <input
                  id={`${id}-${part}`}
                  type="time"
                  value={hours[part]}
                  disabled={locked}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-${part}-error` : undefined}
                  onChange={(event) => setHours({ ...hours, [part]: event.target.value })}
                />
              </div>
            );
          })}
        </fieldset>
      )}
    </SettingBlock>
  );
}

function DeadlineRuleSetting({ data, client, calendar, defaults }: BlockProps) {
  const id = useId();
  const [rule, setRule] = useEdited(calendar.deadlineRule);
  return (
    <SettingBlock
      data={data}
      client={client}
      path="calendar.deadlineRule"
      title="Deadline rule"
      defaultInWords={`${RULES[defaults.calendar.deadlineRule].label.toLowerCase()}, ${defaults.whose('deadlineRule')}`}
      save={() => async () => {
        await client.saveSettings({ calendar: { deadlineRule: rule } });
        return `Saved: a step counted in working days falls due ${RULES[rule].label.toLowerCase()}.`;
      }}
    >
      {({ locked, lockedNoteId }) => (
        <fieldset aria-describedby={lockedNoteId}>
          <legend>When a step counted in working days falls due</legend>
          {deadlineRuleSchema.options.map((option) => (
            <div className="choice" key={option}>
              <input
                id={`${id}-${option}`}
                type="radio"
                name={`${id}-rule`}
                checked={rule === option}
                disabled={locked}
                aria-describedby={`${id}-${option}-explained`}
                onChange={() => setRule(option)}
              />
              <label htmlFor={`${id}-${option}`}>{RULES[option].label}</label>
              <p id={`${id}-${option}-explained`} className="hint">
                {RULES[option].explanation}
              </p>
            </div>
          ))}
        </fieldset>
      )}
    </SettingBlock>
  );
}

function DueSoonSetting({ data, client }: BlockProps) {
  const id = useId();
  const saved = data.settings.dueSoonLeadWorkingDays;
  const [lead, setLead] = useEdited(String(saved));
  const [checking, setChecking] = useState(false);
  const valid = /^\d+$/.test(lead) && Number(lead) <= 10;
  const error = checking && !valid ? 'Enter a whole number of working days from 0 to 10' : undefined;
  const byDefault = data.organisation.defaults.dueSoonLeadWorkingDays;
  return (
    <SettingBlock
      data={data}
      client={client}
      path="dueSoonLeadWorkingDays"
      title="Due-soon warning"
      about={
        <p>
          How early a step shows as due soon, in the panel, the toolbar badge and notifications. With 0, a
          step is due soon only on the working day it is due.
        </p>
      }
      defaultInWords={
        byDefault === undefined
          ? plural(defaultSettings.dueSoonLeadWorkingDays, 'working day')
          : `${plural(byDefault, 'working day')}, your organisation’s`
      }
      save={() => {
        setChecking(true);
        if (!valid) return undefined;
        return async () => {
          await client.saveSettings({ dueSoonLeadWorkingDays: Number(lead) });
          return `Saved: a step shows as due soon ${leadInWords(Number(lead))}.`;
        };
      }}
    >
      {({ locked, lockedNoteId }) => (
        <div className="field">
          <label htmlFor={id}>Working days of warning (0 to 10)</label>
          {error && (
            <p id={`${id}-error`} className="field-error">
              <span aria-hidden="true">⚠ </span>
              {error}
            </p>
          )}
          <input
            id={id}
            className="short"
            type="number"
            min={0}
            max={10}
            step={1}
            inputMode="numeric"
            value={lead}
            disabled={locked}
            aria-invalid={error ? true : undefined}
            aria-describedby={
              [lockedNoteId, error ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined
            }
            onChange={(event) => setLead(event.target.value.trim())}
          />
          {error && <ErrorSummary count={1} />}
        </div>
      )}
    </SettingBlock>
  );
}
