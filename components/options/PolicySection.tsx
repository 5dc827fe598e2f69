import { useId } from 'react';
import type { DataClient, StoredData } from '@/lib/storage';
import { ActivePolicy } from './ActivePolicy';
import { CalendarSettings } from './CalendarSettings';
import { PolicyImport } from './PolicyImport';
import { activePolicyOf } from './policy-choices';
import './policy.css';

interface PolicySectionProps {
  data: StoredData;
  client: DataClient;
  /** Today, for the sample start date of an imported policy's preview. */
  now: () => Date;
}

/** Settings → Policy and calendar: the policy escalations start under, importing one, and the working calendar. */
export function PolicySection({ data, client, now }: PolicySectionProps) {
  const headingId = useId();
  const policyHeadingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Policy and calendar</h2>
      <section aria-labelledby={policyHeadingId}>
        <h3 id={policyHeadingId}>Policy</h3>
        <ActivePolicy data={data} client={client} />
      </section>
      <PolicyImport data={data} client={client} now={now} />
      <CalendarSettings data={data} client={client} policy={activePolicyOf(data)} />
    </section>
  );
}
