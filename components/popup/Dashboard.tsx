import { type ReactNode, useId, useMemo, useState } from 'react';
import { type DashboardRow, dashboardRows } from '@/lib/alerts';
import { type DeadlineState, formatDateTime } from '@/lib/calendar';
import type { StoredData } from '@/lib/storage';

type Filter = 'overdue' | 'due-soon' | 'all';

const stateWords: Record<DeadlineState | 'none', { label: string; symbol: string }> = {
  overdue: { label: 'Overdue', symbol: '▲' },
  'due-soon': { label: 'Due soon', symbol: '●' },
  upcoming: { label: 'On track', symbol: '○' },
  none: { label: 'No deadline pending', symbol: '–' },
};

interface DashboardProps {
  data: StoredData;
  now: () => Date;
  openRecord(url: string): void;
  openSettings(): void;
  /** The "Use on this site" control for the current tab. */
  siteControl?: ReactNode;
}

function EscalationRow({ row, openRecord }: { row: DashboardRow; openRecord(url: string): void }) {
  const state = row.deadline?.state ?? 'none';
  const { label, symbol } = stateWords[state];
  const { recordUrl } = row;
  return (
    <li className={`row row-${state}`}>
      <p className="row-child">
        {recordUrl ? (
          <button type="button" className="link" onClick={() => openRecord(recordUrl)}>
            {row.child}
          </button>
        ) : (
          <span>{row.child}</span>
        )}
      </p>
      <p className="row-state">
        <span aria-hidden="true">{symbol}</span> {label}
      </p>
      <p>
        Stage {row.stage}: {row.stepTitle}
      </p>
      {row.deadline && (
        <p>
          Due {formatDateTime(row.deadline.dueAt)} ({row.deadline.timeToDeadline})
        </p>
      )}
      {!row.recordUrl && (
        <p className="hint">The record’s address was not saved; open it in your case-record system.</p>
      )}
    </li>
  );
}

/** The popup: every open escalation by urgency, filters, this site's switch and the way to settings. */
export function Dashboard({ data, now, openRecord, openSettings, siteControl }: DashboardProps) {
  const headingId = useId();
  const [filter, setFilter] = useState<Filter>('all');
  const rows = useMemo(() => dashboardRows(data.escalations, data.settings, now()), [data, now]);
  const counts = {
    overdue: rows.filter((row) => row.deadline?.state === 'overdue').length,
    'due-soon': rows.filter((row) => row.deadline?.state === 'due-soon').length,
    all: rows.length,
  };
  const shown = filter === 'all' ? rows : rows.filter((row) => row.deadline?.state === filter);
  const filters: [Filter, string][] = [
    ['overdue', `Overdue (${counts.overdue})`],
    ['due-soon', `Due soon (${counts['due-soon']})`],
    ['all', `All open (${counts.all})`],
  ];

  return (
    <main className="dashboard">
      <h1 id={headingId}>Open escalations</h1>
      {siteControl}
      <fieldset className="filters">
        <legend>Show</legend>
        {filters.map(([value, text]) => (
          <label key={value}>
            <input type="radio" name="filter" checked={filter === value} onChange={() => setFilter(value)} />{' '}
            {text}
          </label>
        ))}
      </fieldset>
      {shown.length === 0 ? (
        <p>{rows.length === 0 ? 'No open escalations.' : 'None in this list.'}</p>
      ) : (
        <ul className="rows" aria-labelledby={headingId}>
          {shown.map((row) => (
            <EscalationRow key={row.escalationId} row={row} openRecord={openRecord} />
          ))}
        </ul>
      )}
      <p>
        <button type="button" className="link" onClick={openSettings}>
          Settings
        </button>
      </p>
    </main>
  );
}
