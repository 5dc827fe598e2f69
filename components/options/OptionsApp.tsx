import { type StoredDataSource, useStoredData } from '@/components/shared/useStoredData';
import type { SitesClient } from '@/lib/sites/options-client';
import type { DataClient } from '@/lib/storage';
import { DataSection } from './DataSection';
import { OrganisationNotice } from './organisation';
import { SitesSection } from './SitesSection';

interface OptionsAppProps {
  source: StoredDataSource;
  client: DataClient;
  sitesClient: SitesClient;
}

/** The sections, in the order a new user sets them up; each is a landmark the contents list links to. */
const sections = [
  { id: 'sites', title: 'Sites' },
  { id: 'data', title: 'Data' },
] as const;

export function OptionsApp({ source, client, sitesClient }: OptionsAppProps) {
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
          <div id="sites">
            <SitesSection client={sitesClient} />
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
