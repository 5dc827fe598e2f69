import { useStoredData } from '@/components/shared/useStoredData';
import type { DataClient, StoredDataSource } from '@/lib/storage';
import { DataSection } from './DataSection';
import { OrganisationNotice } from './organisation';

interface OptionsAppProps {
  source: StoredDataSource;
  client: DataClient;
}

/** The sections, in the order a new user sets them up; each is a landmark the contents list links to. */
const sections = [{ id: 'data', title: 'Data' }] as const;

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
          {/* Forms start from the settings in force; they start again once the organisation's arrive. */}
          <div key={data.organisation.state}>
            <div id="data">
              <DataSection data={data} client={client} />
            </div>
          </div>
        </>
      ) : (
        <p role="status">Loading…</p>
      )}
    </main>
  );
}
