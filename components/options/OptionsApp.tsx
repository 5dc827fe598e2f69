import { type StoredDataSource, useStoredData } from '@/components/shared/useStoredData';
import type { DataClient } from '@/lib/storage';
import { AlertsSection } from './AlertsSection';
import { DataSection } from './DataSection';
import { OrganisationNotice } from './organisation';
import { PolicySection } from './PolicySection';

interface OptionsAppProps {
  source: StoredDataSource;
  client: DataClient;
}

/** The sections, in the order a new user sets them up; each is a landmark the contents list links to. */
const sections = [
  { id: 'policy', title: 'Policy and calendar' },
  { id: 'alerts', title: 'Alerts' },
  { id: 'data', title: 'Data' },
] as const;

export function OptionsApp({ source, client }: OptionsAppProps) {
  const data = useStoredData(source);
  return (
    <main className="options">
      <h1>Escalation overlay settings</h1>
      <nav aria-label="Settings sections">
        <ul className="section-links">
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {data ? (
        <>
          <OrganisationNotice data={data} />
          <div id="policy">
            <PolicySection data={data} client={client} />
          </div>
          <div id="alerts">
            <AlertsSection data={data} client={client} />
          </div>
          <div id="data">
            <DataSection data={data} client={client} />
          </div>
        </>
      ) : (
        <p role="status">Loading…</p>
      )}
    </main>
  );
}
