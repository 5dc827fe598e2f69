import { useId } from 'react';
import { defaultSettings, type Settings } from '@/lib/settings';
import type { DataClient, StoredData } from '@/lib/storage';
import { SettingBlock, useEdited } from './SettingBlock';
import './policy.css';

interface AlertsSectionProps {
  data: StoredData;
  client: DataClient;
}

const inWords = ({ enabled, workingHoursOnly }: Settings['notifications']) =>
  enabled ? (workingHoursOnly ? 'on, in working hours only' : 'on, at any time') : 'off';

/** Settings → Alerts: what the toolbar badge and notifications say, and when notifications are shown. */
export function AlertsSection({ data, client }: AlertsSectionProps) {
  const headingId = useId();
  const id = useId();
  const [notifications, setNotifications] = useEdited(data.settings.notifications);
  const organisationDefault = data.organisation.defaults.notifications;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Alerts</h2>
      <p>
        The extension’s toolbar button shows how many escalation steps are overdue or due soon. It turns red
        when any is overdue; its tooltip says how many of each in words. Open it to see which escalations they
        are.
      </p>
      <p>
        A notification appears once when a step becomes due soon and once when it becomes overdue. It names
        only the stage and the deadline, for example “An escalation at stage 2 is overdue”.
      </p>
      <p>
        <strong>
          Neither the badge nor a notification ever shows a child’s name, record number or any other detail
          that identifies a child
        </strong>
        , so nothing identifying appears on a shared or projected screen.
      </p>
      <SettingBlock
        data={data}
        client={client}
        path="notifications"
        title="Notifications"
        defaultInWords={
          organisationDefault
            ? `${inWords(organisationDefault)}, your organisation’s`
            : inWords(defaultSettings.notifications)
        }
        save={() => async () => {
          await client.saveSettings({ notifications });
          return `Saved: notifications are ${inWords(notifications)}.`;
        }}
      >
        {({ locked, lockedNoteId }) => (
          <fieldset aria-describedby={lockedNoteId}>
            <legend>When to show notifications</legend>
            <div className="choice">
              <input
                id={`${id}-enabled`}
                type="checkbox"
                checked={notifications.enabled}
                disabled={locked}
                onChange={(event) => setNotifications({ ...notifications, enabled: event.target.checked })}
              />
              <label htmlFor={`${id}-enabled`}>Show notifications when a step is due soon or overdue</label>
            </div>
            <div className="choice">
              <input
                id={`${id}-hours`}
                type="checkbox"
                checked={notifications.workingHoursOnly}
                disabled={locked}
                aria-describedby={`${id}-hours-hint`}
                onChange={(event) =>
                  setNotifications({ ...notifications, workingHoursOnly: event.target.checked })
                }
              />
              <label htmlFor={`${id}-hours`}>Only in working hours</label>
              <p id={`${id}-hours-hint`} className="hint">
                Outside working hours (Settings → Policy and calendar) notifications wait until working hours
                start. The badge is always up to date.
              </p>
            </div>
          </fieldset>
        )}
      </SettingBlock>
    </section>
  );
}
