import { useId } from 'react';
import { plural } from '@/components/shared/plural';
import type { DataClient, StoredData } from '@/lib/storage';
import { ConfirmedAction } from './ConfirmedAction';
import { isLocked, LockedNote } from './organisation';
import { WholeNumberSetting } from './WholeNumberSetting';

interface PartnershipDataProps {
  data: StoredData;
  client: DataClient;
  /** The Reports page, where the returns are shown and exported. */
  reportsUrl?: string;
  /** The Data section's attempt, so its one status line reports these actions too. */
  attempt(work: () => Promise<string>): Promise<void>;
}

/**
 * Settings → Data, what goes to the partnership: the returns rows kept after
 * retention (how long, how many, clearing them) and whether a prepared
 * notification may carry the child's record id.
 */
export function PartnershipData({ data, client, reportsUrl, attempt }: PartnershipDataProps) {
  const ids = { heading: useId(), recordId: useId() };
  const recordIdLocked = isLocked(data, 'notificationIncludesRecordId');
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
      <WholeNumberSetting
        data={data}
        client={client}
        path="returnsRetentionMonths"
        label="Months to keep a returns row after its escalation ended"
        unit="month"
        max={120}
        saveLabel="Save the months to keep returns rows"
        savedWords={(count) =>
          `Returns rows will be kept ${plural(Number(count), 'month')} after their escalation ended.`
        }
        attempt={attempt}
      />
      {kept > 0 && (
        <ConfirmedAction
          ask="Clear kept returns…"
          legend="Confirm clearing the kept returns"
          confirm="Yes, clear them"
          onConfirm={(close) =>
            void attempt(async () => {
              const cleared = await client.clearKeptReturns();
              close();
              return `Cleared ${plural(cleared, 'kept returns row')}.`;
            })
          }
        >
          <p>
            This deletes {plural(kept, 'kept row')}; the returns will no longer count escalations already
            deleted. It cannot be undone.
          </p>
        </ConfirmedAction>
      )}
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
