// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { returnsRowOf } from '@/lib/reports';
import { autumnEscalations, parseCsv, testPolicy } from '@/lib/reports/testing';
import { escalationKey, type LocalArea, storageKeys, storedDataSource } from '@/lib/storage';
import { fakeAreas, fakeChanges } from '@/lib/storage/testing';
import { ReportsApp } from './ReportsApp';

const now = () => new Date('2026-11-30T12:00:00Z');
const downloads: { fileName: string; text: string; type: string }[] = [];

function renderReports() {
  const source = storedDataSource(fakeAreas(), fakeChanges());
  render(
    <ReportsApp
      source={source}
      now={now}
      download={(fileName, text, type) => downloads.push({ fileName, text, type })}
    />,
  );
}

/** The number in a breakdown's table for one category. */
function countIn(breakdown: string, category: string): string | null {
  const table = screen.getByRole('table', { name: new RegExp(`^${breakdown},`) });
  const row = within(table).getByRole('rowheader', { name: category }).closest('tr');
  return row?.querySelector('td')?.textContent ?? null;
}

beforeEach(async () => {
  downloads.length = 0;
  const [first, ...rest] = autumnEscalations();
  if (!first) throw new Error('no escalations');
  const area = fakeBrowser.storage.local as unknown as LocalArea;
  // The first as if retention had deleted it, leaving its row; the rest stored.
  await area.set({
    ...Object.fromEntries(rest.map((escalation) => [escalationKey(escalation.id), escalation])),
    [storageKeys.keptReturns]: [returnsRowOf(first, { policy: testPolicy, now: now() })],
  });
});

afterEach(cleanup);

describe('ReportsApp', () => {
  it('shows this quarter’s returns as tables and charts of the same numbers, kept rows included', async () => {
    renderReports();
    expect(await screen.findByTestId('started')).toHaveProperty('textContent', '5');
    expect(screen.getByTestId('resolved').textContent).toBe('3');
    expect(screen.getByTestId('median').textContent).toBe('3');
    expect(countIn('Agency raised with', 'Thames Valley Police')).toBe('2');
    expect(countIn('Agency raised with', 'Berkshire Healthcare NHS Foundation Trust')).toBe('3');
    expect(countIn('Stage reached', `Stage 2: ${testPolicy.stages[1]?.name}`)).toBe('1');
    expect(countIn('Outcome', 'Still open')).toBe('1');
    expect(countIn('Reason', 'Threshold or referral decision')).toBe('3');
    const chart = screen.getByRole('img', { name: /^Agency raised with\./ });
    expect(chart.getAttribute('aria-label')).toContain('Thames Valley Police: 2');
    const deadlines = screen.getByRole('table', { name: 'Deadlines met, by step' });
    const step1a = within(deadlines)
      .getByRole('rowheader', { name: /^Step 1a:/ })
      .closest('tr');
    expect([...(step1a?.querySelectorAll('td') ?? [])].map((cell) => cell.textContent)).toEqual([
      '3',
      '5',
      '60%',
    ]);
  });

  it('changes period, and refuses a custom range that ends before it starts', async () => {
    renderReports();
    await screen.findByTestId('started');
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: 'last-quarter' } });
    expect(screen.getByTestId('started').textContent).toBe('0');
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: 'custom' } });
    fireEvent.change(screen.getByLabelText('From (UK date)'), { target: { value: '2026-11-04' } });
    fireEvent.change(screen.getByLabelText('To (UK date, included)'), { target: { value: '2026-11-10' } });
    expect(screen.getByTestId('started').textContent).toBe('2');
    fireEvent.change(screen.getByLabelText('From (UK date)'), { target: { value: '2026-11-20' } });
    expect(screen.getByText('Enter two dates, the second on or after the first.')).toBeDefined();
    expect(screen.queryByTestId('started')).toBeNull();
  });

  it('exports the period’s rows and its summary as CSV', async () => {
    renderReports();
    await screen.findByTestId('started');
    fireEvent.click(screen.getByRole('button', { name: /^Export the rows/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Export the summary (CSV)' }));
    expect(downloads.map(({ fileName, type }) => ({ fileName, type }))).toEqual([
      { fileName: 'escalation-returns-2026-10-01-to-2026-12-31.csv', type: 'text/csv' },
      { fileName: 'escalation-returns-2026-10-01-to-2026-12-31-summary.csv', type: 'text/csv' },
    ]);
    const rows = parseCsv(downloads[0]?.text ?? '');
    expect(rows).toHaveLength(6);
    expect(rows.map((row) => row[0]).slice(1)).toContain('ESC-20261102-A1111111');
    expect(parseCsv(downloads[1]?.text ?? '')).toContainEqual(['Escalations started', '', '5', '']);
  });
});
