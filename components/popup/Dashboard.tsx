import { type ReactNode, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { type DashboardList, type DashboardRow, dashboardRowsAt } from '@/lib/alerts/dashboard';
import { type DashboardFilter, inFilter } from '@/lib/alerts/filters';
import { type DeadlineState, formatDateTime } from '@/lib/calendar';

/** Rows shown at first, and added by each "Show more": the popup opens as fast with 2,000 as with 50. */
const PAGE_SIZE = 50;

const stateWords: Record<DeadlineState | 'none', { label: string; symbol: string }> = {
  overdue: { label: 'Overdue', symbol: '▲' },
  'due-soon': { label: 'Due soon', symbol: '●' },
  upcoming: { label: 'On track', symbol: '○' },
  none: { label: 'No deadline pending', symbol: '–' },
};

const number = new Intl.NumberFormat('en-GB');

interface DashboardProps {
  /** The open escalations as the background keeps them for the popup. */
  list: DashboardList;
  now: () => Date;
  /** The list shown first: every open escalation unless the popup was opened for a filtered one. */
  initialFilter?: DashboardFilter;
  openRecord(url: string): void;
  openSettings(): void;
  /** Opens the Reports page (returns for the partnership). */
  openReports?(): void;
  /** The "Use on this site" control for the current tab. */
  siteControl?: ReactNode;
}

function EscalationRow({ row, openRecord }: { row: DashboardRow; openRecord(url: string): void }) {
  const state = row.deadline?.state ?? 'none';
  const { label, symbol } = stateWords[state];
  const { recordUrl } = row;
  return (
    // A row with no record to open is focusable from script only, for "Show more" to move focus to.
    <li className={`row row-${state}`} tabIndex={recordUrl ? undefined : -1}>
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

/**
 * The popup: every open escalation by urgency, a page at a time, filters that
 * count them all, this site's switch and the way to settings.
 */
export function Dashboard({
  list,
  now,
  initialFilter = 'all',
  openRecord,
  openSettings,
  openReports,
  siteControl,
}: DashboardProps) {
  const headingId = useId();
  const [filter, setFilter] = useState<DashboardFilter>(initialFilter);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const rowsList = useRef<HTMLUListElement>(null);
  /** The first row "Show more" added, to take keyboard focus once it is on screen. */
  const firstAdded = useRef<number | undefined>(undefined);

  const rows = useMemo(() => dashboardRowsAt(list, now()), [list, now]);
  const counts = useMemo(
    () => ({
      overdue: rows.filter((row) => row.deadline?.state === 'overdue').length,
      'due-soon': rows.filter((row) => row.deadline?.state === 'due-soon').length,
      due: rows.filter((row) => inFilter('due', row.deadline?.state)).length,
      all: rows.length,
    }),
    [rows],
  );
  const matching = useMemo(
    () => (filter === 'all' ? rows : rows.filter((row) => inFilter(filter, row.deadline?.state))),
    [rows, filter],
  );
  const shown = matching.slice(0, limit);
  const more = Math.min(PAGE_SIZE, matching.length - shown.length);
  const filters: [DashboardFilter, string][] = [
    ['overdue', `Overdue (${number.format(counts.overdue)})`],
    ['due-soon', `Due soon (${number.format(counts['due-soon'])})`],
    ['due', `Overdue or due soon (${number.format(counts.due)})`],
    ['all', `All open (${number.format(counts.all)})`],
  ];

  useLayoutEffect(() => {
    const index = firstAdded.current;
    if (index === undefined) return;
    firstAdded.current = undefined;
    const row = rowsList.current?.children[index];
    if (row instanceof HTMLElement) (row.querySelector('button') ?? row).focus();
  });

  const choose = (value: DashboardFilter) => {
    setFilter(value);
    setLimit(PAGE_SIZE);
  };
  const showMore = () => {
    firstAdded.current = shown.length;
    setLimit(shown.length + PAGE_SIZE);
  };

  return (
    <main className="dashboard">
      <h1 id={headingId}>Open escalations</h1>
      {siteControl}
      <fieldset className="filters">
        <legend>Show</legend>
        {filters.map(([value, text]) => (
          <label key={value}>
            <input type="radio" name="filter" checked={filter === value} onChange={() => choose(value)} />{' '}
            {text}
          </label>
        ))}
      </fieldset>
      {shown.length === 0 ? (
        <p>{rows.length === 0 ? 'No open escalations.' : 'None in this list.'}</p>
      ) : (
        <ul className="rows" aria-labelledby={headingId} ref={rowsList}>
          {shown.map((row) => (
            <EscalationRow key={row.escalationId} row={row} openRecord={openRecord} />
          ))}
        </ul>
      )}
      {matching.length > PAGE_SIZE && (
        <div className="more">
          <p aria-live="polite">
            Showing {number.format(shown.length)} of {number.format(matching.length)}
          </p>
          {more > 0 && (
            <button type="button" onClick={showMore}>
              Show {number.format(more)} more
            </button>
          )}
        </div>
      )}
      <p>
        <button type="button" className="link" onClick={openSettings}>
          Settings
        </button>
        {openReports && (
          <>
            {' · '}
            <button type="button" className="link" onClick={openReports}>
              Reports
            </button>
          </>
        )}
      </p>
    </main>
  );
}
