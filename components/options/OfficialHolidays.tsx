import { useId, useState } from 'react';
import {
  builtInHolidayYears,
  type CalendarSettings,
  govukHolidayYears,
  type OfficialBankHolidays,
  officialHolidayYears,
  parseOfficialBankHolidays,
  yearsInWords,
} from '@/lib/calendar';
import type { Problem } from '@/lib/policy';
import type { DataClient, StoredData } from '@/lib/storage';
import { ProblemList, readChosenFile } from './ProblemList';
import { UK_REGIONS } from './policy-choices';
import { SettingBlock } from './SettingBlock';

const govukYears = `${govukHolidayYears.first}–${govukHolidayYears.last}`;
const ruleYears = `${govukHolidayYears.last + 1}–${builtInHolidayYears.last}`;

/** Which years an official list covers, region by region. */
function coverage(list: OfficialBankHolidays): string[] {
  return officialHolidayYears(list).map(
    ({ region, years }) => `${UK_REGIONS[region]}: ${yearsInWords(years)}`,
  );
}

interface OfficialHolidaysProps {
  data: StoredData;
  client: DataClient;
  calendar: CalendarSettings;
}

/** The GOV.UK bank-holiday list, imported so that the years it covers follow it exactly. */
export function OfficialHolidays({ data, client, calendar }: OfficialHolidaysProps) {
  const fileId = useId();
  const [problems, setProblems] = useState<{ fileName: string; problems: Problem[] }>();
  const [inputKey, setInputKey] = useState(0);
  const official = calendar.officialHolidays;
  return (
    <SettingBlock
      data={data}
      client={client}
      path="calendar.officialHolidays"
      title="Official bank-holiday list"
      about={
        <p>
          Built in: GOV.UK’s list of the bank holidays of every UK region for {govukYears}, one-off holidays
          included; for {ruleYears}, the bank holidays worked out from the published rules (date-holidays).
          Where a newer GOV.UK list (bank-holidays.json) is imported, it decides the bank holidays for each
          year it covers, including any announced later.
        </p>
      }
      defaultInWords={`the built-in lists only, GOV.UK’s for ${govukYears}`}
    >
      {({ locked, lockedNoteId, attempt }) => (
        <>
          {official ? (
            <>
              <p id={`${fileId}-covers`}>The imported list covers:</p>
              <ul aria-labelledby={`${fileId}-covers`} aria-describedby={lockedNoteId}>
                {coverage(official).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>No official list is imported.</p>
          )}
          {!locked && (
            <div className="field">
              <label htmlFor={fileId}>Official list file (bank-holidays.json)</label>
              <input
                key={inputKey}
                id={fileId}
                type="file"
                accept="application/json,.json"
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  if (!file) return;
                  setProblems(undefined);
                  void attempt(async () => {
                    const read = await readChosenFile(file);
                    const parsed = read.ok ? parseOfficialBankHolidays(read.text) : read;
                    if (!parsed.ok) {
                      setProblems({ fileName: file.name, problems: parsed.problems });
                      return '';
                    }
                    await client.saveSettings({ calendar: { officialHolidays: parsed.holidays } });
                    setInputKey((key) => key + 1);
                    return `Imported the official list. It covers ${coverage(parsed.holidays).join('; ')}.`;
                  });
                }}
              />
              {problems && <ProblemList {...problems} />}
            </div>
          )}
        </>
      )}
    </SettingBlock>
  );
}
