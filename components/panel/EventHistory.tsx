import { useId } from 'react';
import { formatDateTime } from '@/lib/calendar';
import type { Escalation } from '@/lib/escalation';
import type { Policy } from '@/lib/policy';
import { replacedEntryLines } from './history-words';

/** Every change, in order, as logged; a correction or reopening shows the entry as it was before. */
export function EventHistory({ escalation, policy }: { escalation: Escalation; policy: Policy }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>History</h3>
      <ol className="history">
        {escalation.events.map((event, index) => (
          // The log is append-only, so an event's place in it never changes.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index}>
            <p>
              <strong>{formatDateTime(new Date(event.at))}</strong> – {event.by.name} ({event.by.role}):{' '}
              {event.summary}
            </p>
            {event.reason && <p>Reason: {event.reason}</p>}
            {event.replaced && (
              <details>
                <summary>As it was before this change</summary>
                <dl>
                  {replacedEntryLines(event.replaced, policy).map(([label, value]) => (
                    <div key={label}>
                      <dt>{label}</dt>
                      <dd>{value}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
