// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { startEscalation } from '@/lib/escalation';
import { accepted, draft, startContextAt } from '@/lib/escalation/testing';
import { readStoredData, type StoredData } from '@/lib/storage';
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

const data: StoredData = {
  ...readStoredData({}, { state: 'none' }),
  escalations: [
    startedOn('C-2', '2026-11-03T15:00:00Z', 'https://records.example/C-2'),
    startedOn('C-1', '2026-11-02T10:30:00Z', 'https://records.example/C-1'),
    startedOn('C-3', '2026-11-04T09:00:00Z'),
  ],
};
const now = () => new Date('2026-11-04T10:00:00Z');

describe('Dashboard', () => {
  it('lists open escalations by urgency, each with its state in words, not colour alone', () => {
    render(<Dashboard data={data} now={now} openRecord={() => {}} openSettings={() => {}} />);
    const rows = within(screen.getByRole('list', { name: 'Open escalations' })).getAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('.row-child')?.textContent)).toEqual([
      'Record C-1, Liquidlogic LCS',
      'Record C-2, Liquidlogic LCS',
      'Record C-3, Liquidlogic LCS',
    ]);
    expect(rows[0]?.textContent).toContain('Overdue');
    expect(rows[0]?.textContent).toContain('Due Tue 3 Nov 2026, 17:00 (overdue by 17 hours)');
    expect(rows[1]?.textContent).toContain('Due soon');
    expect(rows[2]?.textContent).toContain('The record’s address was not saved');
  });

  it('filters to overdue or due soon', () => {
    render(<Dashboard data={data} now={now} openRecord={() => {}} openSettings={() => {}} />);
    fireEvent.click(screen.getByLabelText('Overdue (1)'));
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    fireEvent.click(screen.getByLabelText('Due soon (1)'));
    expect(screen.getByRole('listitem').textContent).toContain('C-2');
  });

  it('opens the child’s record and the settings', () => {
    const opened: string[] = [];
    let settings = 0;
    render(
      <Dashboard
        data={data}
        now={now}
        openRecord={(url) => opened.push(url)}
        openSettings={() => settings++}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Record C-1, Liquidlogic LCS' }));
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(opened).toEqual(['https://records.example/C-1']);
    expect(settings).toBe(1);
  });

  it('says so when there is nothing open', () => {
    render(
      <Dashboard
        data={{ ...data, escalations: [] }}
        now={now}
        openRecord={() => {}}
        openSettings={() => {}}
      />,
    );
    expect(screen.getByText('No open escalations.')).toBeDefined();
  });
});
