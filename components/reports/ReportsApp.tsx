import { useId, useMemo, useState } from 'react';
import { plural } from '@/components/shared/plural';
import { useStoredData } from '@/components/shared/useStoredData';
import { findPolicy } from '@/lib/policy';
import {
  describePeriod,
  inPeriod,
  type Period,
  type PeriodChoice,
  periodChoiceSchema,
  periodFor,
  periodSchema,
  returnsRows,
  rowsCsv,
  summariseReturns,
  summaryCsv,
} from '@/lib/reports';
import type { StoredData, StoredDataSource } from '@/lib/storage';
import { BreakdownView, DeadlinesView } from './BreakdownView';

export type Download = (fileName: string, text: string, type: string) => void;

interface ReportsAppProps {
  source: StoredDataSource;
  now: () => Date;
  download: Download;
}

const choices: { value: PeriodChoice; label: string }[] = [
  { value: 'this-quarter', label: 'This quarter' },
  { value: 'last-quarter', label: 'Last quarter' },
  { value: 'this-year', label: 'This year' },
  { value: 'custom', label: 'Dates I choose' },
];

const number = new Intl.NumberFormat('en-GB');

/** The Reports page: returns for a period, as tables and charts, and the CSV exports. */
export function ReportsApp({ source, now, download }: ReportsAppProps) {
  const data = useStoredData(source);
  return (
    <main className="reports">
      <h1>Escalation returns</h1>
      <p>
        For the safeguarding partnership: how many escalations started in a period, and how they went. Only
        the escalation’s own reference, agencies, team, stage, reason, outcome, dates and deadlines are
        counted; never the child’s name, record id or the concern’s text.
      </p>
      {data ? <Returns data={data} now={now} download={download} /> : <p role="status">Loading…</p>}
    </main>
  );
}

function Returns({ data, now, download }: { data: StoredData; now: () => Date; download: Download }) {
  const ids = { choice: useId(), from: useId(), to: useId(), error: useId() };
  const [choice, setChoice] = useState<PeriodChoice>('this-quarter');
  const today = now();
  const [custom, setCustom] = useState<Period>(() => periodFor('this-quarter', today));
  const customCheck = periodSchema.safeParse(custom);
  const period =
    choice === 'custom' ? (customCheck.success ? customCheck.data : undefined) : periodFor(choice, today);

  const rows = useMemo(() => returnsRows(data, now()), [data, now]);
  const policy = findPolicy(
    data.settings.activePolicy.id,
    data.settings.activePolicy.version,
    data.settings.importedPolicies,
  );

  return (
    <>
      <form className="period" aria-label="Choose the period" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={ids.choice}>Period</label>
        <select
          id={ids.choice}
          value={choice}
          onChange={(event) => {
            const chosen = periodChoiceSchema.safeParse(event.target.value);
            if (chosen.success) setChoice(chosen.data);
          }}
        >
          {choices.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {choice === 'custom' && (
          <div className="custom-dates">
            <label htmlFor={ids.from}>From (UK date)</label>
            <input
              id={ids.from}
              type="date"
              value={custom.from}
              aria-invalid={!customCheck.success}
              aria-describedby={customCheck.success ? undefined : ids.error}
              onChange={(event) => setCustom({ ...custom, from: event.target.value })}
            />
            <label htmlFor={ids.to}>To (UK date, included)</label>
            <input
              id={ids.to}
              type="date"
              value={custom.to}
              aria-invalid={!customCheck.success}
              aria-describedby={customCheck.success ? undefined : ids.error}
              onChange={(event) => setCustom({ ...custom, to: event.target.value })}
            />
            {!customCheck.success && (
              <p id={ids.error} className="field-error">
                Enter two dates, the second on or after the first.
              </p>
            )}
          </div>
        )}
      </form>
      {period && <PeriodReturns period={period} rows={rows} policy={policy} download={download} />}
    </>
  );
}

function PeriodReturns({
  period,
  rows,
  policy,
  download,
}: {
  period: Period;
  rows: ReturnType<typeof returnsRows>;
  policy: ReturnType<typeof findPolicy>;
  download: Download;
}) {
  const summary = summariseReturns(rows, period, policy);
  const inThePeriod = rows.filter((row) => inPeriod(row.startedOn, period));
  const name = `escalation-returns-${period.from}-to-${period.to}`;
  const median = summary.medianWorkingDaysToResolution;
  return (
    <>
      <section aria-labelledby="returns-totals" className="totals">
        <h2 id="returns-totals">{describePeriod(period)}</h2>
        <dl>
          <div>
            <dt>Escalations started</dt>
            <dd data-testid="started">{number.format(summary.started)}</dd>
          </div>
          <div>
            <dt>Resolved</dt>
            <dd data-testid="resolved">{number.format(summary.resolved)}</dd>
          </div>
          <div>
            <dt>Median working days to resolution</dt>
            <dd data-testid="median">{median === undefined ? 'none resolved' : number.format(median)}</dd>
          </div>
        </dl>
        <div className="exports">
          <button type="button" onClick={() => download(`${name}.csv`, rowsCsv(inThePeriod), 'text/csv')}>
            Export the rows (CSV, {plural(inThePeriod.length, 'escalation')})
          </button>{' '}
          <button
            type="button"
            onClick={() => download(`${name}-summary.csv`, summaryCsv(summary), 'text/csv')}
          >
            Export the summary (CSV)
          </button>
        </div>
      </section>
      {summary.breakdowns.map((breakdown) => (
        <BreakdownView key={breakdown.id} breakdown={breakdown} total={summary.started} />
      ))}
      <DeadlinesView deadlines={summary.deadlines} />
    </>
  );
}
