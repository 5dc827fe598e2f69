// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { panBerkshirePolicy } from '@/lib/policy';
import { formatRecord } from '@/lib/record';
import { escalationAtStage2 } from '@/lib/record/examples';
import { createHarness, profile } from './testing';

afterEach(cleanup);

const agency = 'Berkshire Healthcare NHS Foundation Trust';
const now = '2026-11-04T16:30:00Z';
const author = { name: profile.name ?? '', role: profile.role ?? '', agency: profile.agency ?? '' };

async function openCaseNote() {
  const harness = createHarness(now);
  await harness.saveProfile();
  await harness.put(escalationAtStage2());
  harness.show();
  fireEvent.click(await screen.findByRole('button', { name: `Open the escalation with ${agency}` }));
  await screen.findByRole('heading', { name: `Escalation with ${agency}` });
  return { harness, section: screen.getByRole('region', { name: 'Case note' }) };
}

const expected = (mode: 'full' | 'latest') =>
  formatRecord(escalationAtStage2(), panBerkshirePolicy, { mode, now: new Date(now), author });
const characters = (text: string) => text.length.toLocaleString('en-GB');

describe('the case note', () => {
  it('previews the exact full record and copies it, saying how much was copied', async () => {
    const { harness, section } = await openCaseNote();
    const full = expected('full');
    const preview = within(section).getByLabelText<HTMLTextAreaElement>(/^Exact text of the full record/);
    expect(preview.value).toBe(full);
    expect(preview.readOnly).toBe(true);

    await act(async () => fireEvent.click(within(section).getByRole('button', { name: 'Copy full record' })));
    expect(harness.caseNote.copied).toEqual([full]);
    expect(within(section).getByRole('status').textContent).toBe(`Copied ${characters(full)} characters.`);
    expect(full.length).toBeGreaterThan(999);
  });

  it('copies just the latest entry', async () => {
    const { harness, section } = await openCaseNote();
    fireEvent.click(within(section).getByLabelText('Latest entry only'));
    const latest = expected('latest');
    expect(within(section).getByLabelText<HTMLTextAreaElement>(/^Exact text of the latest entry/).value).toBe(
      latest,
    );
    await act(async () =>
      fireEvent.click(within(section).getByRole('button', { name: 'Copy latest entry' })),
    );
    expect(harness.caseNote.copied).toEqual([latest]);
  });

  it('inserts into the case note field, and offers Copy when it cannot', async () => {
    const { harness, section } = await openCaseNote();
    await act(async () =>
      fireEvent.click(within(section).getByRole('button', { name: 'Insert into case note' })),
    );
    expect(harness.caseNote.inserted).toEqual([expected('full')]);
    expect(within(section).getByRole('status').textContent).toBe('Inserted into the case note field.');

    harness.caseNote.insertFailure = 'No case-note field was focused on the page';
    await act(async () =>
      fireEvent.click(within(section).getByRole('button', { name: 'Insert into case note' })),
    );
    const alert = within(section).getByRole('alert');
    expect(alert.textContent).toContain('Not inserted: No case-note field was focused on the page');
    await act(async () => fireEvent.click(within(alert).getByRole('button', { name: 'Copy instead' })));
    expect(harness.caseNote.copied).toEqual([expected('full')]);
    expect(within(section).getByRole('status').textContent).toMatch(/^Copied [\d,]+ characters\.$/);
  });

  it('splits the record into numbered parts for a length limit', async () => {
    const { harness, section } = await openCaseNote();
    fireEvent.click(within(section).getByLabelText('Split into parts for a case-note length limit'));
    fireEvent.change(within(section).getByLabelText('Characters per part'), { target: { value: '1500' } });
    const parts = within(section).getAllByLabelText<HTMLTextAreaElement>(/^Exact text of part \d+ of \d+/);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.value.length).toBeLessThanOrEqual(1500);
    expect(parts[1]?.value).toMatch(/\(part 2 of \d+\)/);

    await act(async () => fireEvent.click(within(section).getByRole('button', { name: /^Copy part 2 of/ })));
    expect(harness.caseNote.copied).toEqual([parts[1]?.value]);

    fireEvent.change(within(section).getByLabelText('Characters per part'), { target: { value: '20' } });
    const field = within(section).getByLabelText('Characters per part');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(within(section).getByText(/20 characters is too few/)).toBeDefined();
  });
});
