import { useId, useState } from 'react';
import type { DataClient, StoredData } from '@/lib/storage';
import { isLocked, LockedNote } from './organisation';

interface PartnershipDataProps {
  data: StoredData;
  client: DataClient;
  /** The Reports page, where the returns are shown and exported. */
  reportsUrl?: string;
  /** The Data section's attempt, so its one status line reports these actions too. */
  attempt(work: () => Promise<string>): Promise<void>;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * Settings → Data, what goes to the partnership: the returns rows kept after
 * retention (how long, how many, clearing them) and whether a prepared
 * notification may carry the child's record id.
 */
export function PartnershipData({ data, client, reportsUrl, attempt }: PartnershipDataProps) {
  const ids = { heading: useId(), months: useId(), recordId: useId() };
  const [months, setMonths] = useState(String(data.settings.returnsRetentionMonths));
  const [confirmingClear, setConfirmingClear] = useState(false);
  const monthsLocked = isLocked(data, 'returnsRetentionMonths');
  const recordIdLocked = isLocked(data, 'notificationIncludesRecordId');
  const monthsValid = /^\d+$/.test(months) && Number(months) >= 1 && Number(months) <= 120;
  const kept = data.keptReturns.length;

  return (
    <>
      <h3 id={ids.heading}>What goes to the partnership</h3>
      <p>
        Returns ({reportsUrl ? <a href={reportsUrl}>Reports</a> : 'Reports'}) and notifications to the
        partnership carry the escalation’s own reference, the agencies, your team, stage, reason, outcome,
        dates and whether deadlines were met. They never carry the child’s name or the concern’s text; the
        child’s record id only if allowed below.
      </p>
      <p>
        When an ended escalation is deleted, its returns row alone (those fields, nothing about the child and
        no free text) is kept, so a year’s returns stay whole. Kept now: {plural(kept, 'row')}.
      </p>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!monthsValid) return;
          void attempt(async () => {
            await client.saveSettings({ returnsRetentionMonths: Number(months) });
            return `Returns rows will be kept ${plural(Number(months), 'month')} after their escalation ended.`;
          });
        }}
      >
        <label htmlFor={ids.months}>Months to keep a returns row after its escalation ended</label>
        <LockedNote data={data} path="returnsRetentionMonths" id={`${ids.months}-locked`} />
        <input
          id={ids.months}
          inputMode="numeric"
          value={months}
          readOnly={monthsLocked}
          aria-invalid={!monthsValid}
          aria-describedby={
            monthsLocked ? `${ids.months}-locked` : monthsValid ? undefined : `${ids.months}-error`
          }
          onChange={(event) => setMonths(event.target.value.trim())}
        />
        {!monthsLocked && (
          <button type="submit" aria-label="Save the months to keep returns rows">
            Save
          </button>
        )}
        {!monthsValid && (
          <p id={`${ids.months}-error`} className="field-error">
            Enter a whole number of months from 1 to 120.
          </p>
        )}
      </form>
      {kept > 0 &&
        (confirmingClear ? (
          <fieldset className="confirm">
            <legend>Confirm clearing the kept returns</legend>
            <p>
              This deletes {plural(kept, 'kept row')}; the returns will no longer count escalations already
              deleted. It cannot be undone.
            </p>
            <button
              type="button"
              className="danger"
              onClick={() =>
                void attempt(async () => {
                  const cleared = await client.clearKeptReturns();
                  setConfirmingClear(false);
                  return `Cleared ${plural(cleared, 'kept returns row')}.`;
                })
              }
            >
              Yes, clear them
            </button>{' '}
            <button type="button" onClick={() => setConfirmingClear(false)}>
              Cancel
            </button>
          </fieldset>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirmingClear(true)}>
            Clear kept returns…
          </button>
        ))}
      <div className="choice">
        <input
          id={ids.recordId}
          type="checkbox"
          checked={data.settings.notificationIncludesRecordId}
          disabled={recordIdLocked}
          aria-describedby={`${ids.recordId}-hint`}
          onChange={(event) => {
            const allowed = event.target.checked;
            void attempt(async () => {
              await client.saveSettings({ notificationIncludesRecordId: allowed });
              return allowed
                ? 'Notifications may now include the child’s record id, when you choose it.'
                : 'Notifications will not include the child’s record id.';
            });
          }}
        />
        <label htmlFor={ids.recordId}>Allow the child’s record id in notifications to the partnership</label>
        <p id={`${ids.recordId}-hint`} className="hint">
          Only where your organisation’s process asks for it. The child’s name and the concern’s text are
          never included.
        </p>
        <LockedNote data={data} path="notificationIncludesRecordId" />
      </div>
    </>
  );
}
