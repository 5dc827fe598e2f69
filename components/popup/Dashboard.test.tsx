// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type DashboardList, dashboardListOf } from '@/lib/alerts';
import { calendarFor } from '@/lib/calendar';
import { startEscalation } from '@/lib/escalation';
import { accepted, draft, startContextAt } from '@/lib/escalation/testing';
import { panBerkshirePolicy } from '@/lib/policy';
import { defaultSettings } from '@/lib/settings';
import { Dashboard } from './Dashboard';

afterEach(cleanup);

function startedOn(id: string, startedAt: string, recordUrl?: string) {
  return accepted(
    startEscalation(
      {
        ...draft,
        child: { ...draft.child, recordId: id, recordUrl },
        differenceStartedAt: startedAt,
        imminentRisk: { atRisk: false, answeredAt: startedAt },
      },
      { ...startContextAt(startedAt), newId: () => id },
    ),
  );
}

const list = dashboardListOf(
  [
    startedOn('C-2', '2026-11-03T15:00:00Z', 'https://records.example/C-2'),
    startedOn('C-1', '2026-11-02T10:30:00Z', 'https://records.example/C-1'),
    startedOn('C-3', '2026-11-04T09:00:00Z'),
  ],
  defaultSettings,
);
const now = () => new Date('2026-11-04T10:00:00Z');
const actions = { now, openRecord: () => {}, openSettings: () => {} };
const rows = () => within(screen.getByRole('list', { name: 'Open escalations' })).getAllByRole('listitem');

/**
 * `overdue` escalations past their deadline then `onTrack` not yet near it,
 * each later than the one before, so urgency keeps them in this order. Every
 * seventh has no record address.
 */
function many(overdue: number, onTrack = 0): DashboardList {
  const minute = 60_000;
  const escalations = Array.from({ length: overdue + onTrack }, (_, index) => ({
    escalationId: `e${index}`,
    child: `Record R${index}, Liquidlogic LCS`,
    recordUrl: index % 7 === 6 ? undefined : `https://records.example/R${index}`,
    stage: 1,
    stepTitle: 'Discuss with the other professional',
    deadline: {
      dueAt: new Date(
        Date.parse(index < overdue ? '2026-10-01T09:00:00Z' : '2026-12-01T09:00:00Z') + index * minute,
      ).toISOString(),
      calendar: 0,
    },
  }));
  return { leadWorkingDays: 0, calendars: [calendarFor(panBerkshirePolicy)], escalations };
}

describe('Dashboard', () => {
  it('lists open escalations by urgency, each with its state in words, not colour alone', () => {
    render(<Dashboard list={list} {...actions} />);
    expect(rows().map((row) => row.querySelector('.row-child')?.textContent)).toEqual([
      'Record C-1, Liquidlogic LCS',
      'Record C-2, Liquidlogic LCS',
      'Record C-3, Liquidlogic LCS',
    ]);
    expect(rows()[0]?.textContent).toContain('Overdue');
    expect(rows()[0]?.textContent).toContain('Due Tue 3 Nov 2026, 17:00 (overdue by 17 hours)');
    expect(rows()[1]?.textContent).toContain('Due soon');
    expect(rows()[2]?.textContent).toContain('The record’s address was not saved');
  });

  it('works out overdue and due soon at the moment it opens', () => {
    render(<Dashboard list={list} {...actions} now={() => new Date('2026-11-05T10:00:00Z')} />);
    expect(screen.getByLabelText('Overdue (2)')).toBeDefined();
    expect(screen.getByLabelText('Due soon (1)')).toBeDefined();
  });

  it('filters to overdue or due soon', () => {
    render(<Dashboard list={list} {...actions} />);
    fireEvent.click(screen.getByLabelText('Overdue (1)'));
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    fireEvent.click(screen.getByLabelText('Due soon (1)'));
    expect(screen.getByRole('listitem').textContent).toContain('C-2');
  });

  it('lists overdue and due soon together, as the badge counts them', () => {
    render(<Dashboard list={list} {...actions} />);
    fireEvent.click(screen.getByLabelText('Overdue or due soon (2)'));
    expect(rows().map((row) => row.querySelector('.row-child')?.textContent)).toEqual([
      'Record C-1, Liquidlogic LCS',
      'Record C-2, Liquidlogic LCS',
    ]);
  });

  it('opens on the list a summary notification asked for', () => {
    render(<Dashboard list={list} {...actions} initialFilter="overdue" />);
    expect(screen.getByLabelText('Overdue (1)')).toHaveProperty('checked', true);
    expect(rows()).toHaveLength(1);
    expect(rows()[0]?.textContent).toContain('C-1');
  });

  it('opens the child’s record, the settings and the Reports page', () => {
    const opened: string[] = [];
    let settings = 0;
    let reports = 0;
    render(
      <Dashboard
        list={list}
        now={now}
        openRecord={(url) => opened.push(url)}
        openSettings={() => settings++}
        openReports={() => reports++}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Record C-1, Liquidlogic LCS' }));
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reports' }));
    expect(opened).toEqual(['https://records.example/C-1']);
    expect(settings).toBe(1);
    expect(reports).toBe(1);
  });

  it('says so when there is nothing open', () => {
    render(<Dashboard list={{ ...list, escalations: [] }} {...actions} />);
    expect(screen.getByText('No open escalations.')).toBeDefined();
  });

  it('shows no paging when everything fits on one page', () => {
    render(<Dashboard list={many(50)} {...actions} />);
    expect(rows()).toHaveLength(50);
    expect(screen.queryByText(/^Showing/)).toBeNull();
    expect(screen.queryByRole('button', { name: /^Show .* more$/ })).toBeNull();
  });
});

describe('Dashboard, a page at a time', () => {
  it('shows the 50 most urgent first, and counts every escalation', () => {
    render(<Dashboard list={many(1_000, 234)} {...actions} />);
    expect(rows()).toHaveLength(50);
    expect(rows()[0]?.textContent).toContain('Record R0,');
    expect(rows()[49]?.textContent).toContain('Record R49,');
    expect(screen.getByLabelText('All open (1,234)')).toBeDefined();
    expect(screen.getByLabelText('Overdue (1,000)')).toBeDefined();
    expect(screen.getByText('Showing 50 of 1,234')).toBeDefined();
    expect(screen.getByRole('button', { name: 'Show 50 more' }).tagName).toBe('BUTTON');
  });

  it('shows 50 more at each press, then what is left, and moves focus to the first row added', () => {
    render(<Dashboard list={many(120)} {...actions} />);
    const more = screen.getByRole('button', { name: 'Show 50 more' });
    more.focus();
    fireEvent.click(more);
    expect(rows()).toHaveLength(100);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Record R50, Liquidlogic LCS' }));
    expect(screen.getByText('Showing 100 of 120')).toBeDefined();

    fireEvent.click(screen.getByRole('button', { name: 'Show 20 more' }));
    expect(rows()).toHaveLength(120);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Record R100, Liquidlogic LCS' }));
    expect(screen.getByText('Showing 120 of 120')).toBeDefined();
    expect(screen.queryByRole('button', { name: /^Show .* more$/ })).toBeNull();
  });

  it('moves focus to the first row added itself when that row has no record to open', () => {
    // Rows are shown 50 at a time; R55 (every seventh from R6) has no address, so the second page starts there.
    render(<Dashboard list={{ ...many(200), escalations: many(200).escalations.slice(5) }} {...actions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more' }));
    // A list item takes focus only with a tabindex; -1 keeps it out of the Tab order.
    expect(rows()[50]?.getAttribute('tabindex')).toBe('-1');
    expect(document.activeElement).toBe(rows()[50]);
    expect(rows()[50]?.textContent).toContain('Record R55,');
  });

  it('goes back to the first page when the filter changes', () => {
    render(<Dashboard list={many(80, 80)} {...actions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more' }));
    expect(rows()).toHaveLength(100);
    fireEvent.click(screen.getByLabelText('Overdue (80)'));
    expect(rows()).toHaveLength(50);
    expect(screen.getByText('Showing 50 of 80')).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Show 30 more' }));
    expect(rows()).toHaveLength(80);
    fireEvent.click(screen.getByLabelText('All open (160)'));
    expect(rows()).toHaveLength(50);
    expect(screen.getByText('Showing 50 of 160')).toBeDefined();
  });

  it('keeps the rows shown when the background keeps a new list', () => {
    const { rerender } = render(<Dashboard list={many(120)} {...actions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more' }));
    rerender(<Dashboard list={many(130)} {...actions} />);
    expect(rows()).toHaveLength(100);
    expect(screen.getByText('Showing 100 of 130')).toBeDefined();
  });
});
