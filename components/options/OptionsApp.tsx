import { useStoredData } from '@/components/shared/useStoredData';
import type { SitesClient } from '@/lib/sites/options-client';
import type { DataClient, StoredDataSource } from '@/lib/storage';
import { AboutSection } from './AboutSection';
import { AlertsSection } from './AlertsSection';
import { ContactsSection } from './ContactsSection';
import { DataSection } from './DataSection';
import { OrganisationNotice } from './organisation';
import { PolicySection } from './PolicySection';
import { ProfileSection } from './ProfileSection';
import { SitesSection } from './SitesSection';

interface OptionsAppProps {
  source: StoredDataSource;
  client: DataClient;
  sitesClient: SitesClient;
  /** The extension's version, from its manifest. */
  version: string;
  /** "Now" on the build's clock, which tests can move (lib/clock). */
  now: () => Date;
  /** The Reports page's address. */
  reportsUrl?: string;
}

/** The sections, in the order a new user sets them up; each is a landmark the contents list links to. */
const sections = [
  { id: 'profile', title: 'Your details' },
  { id: 'contacts', title: 'Contacts' },
  { id: 'sites', title: 'Sites' },
  { id: 'policy', title: 'Policy and calendar' },
  { id: 'alerts', title: 'Alerts' },
  { id: 'data', title: 'Data' },
  { id: 'about', title: 'About' },
] as const;

export function OptionsApp({ source, client, sitesClient, version, now, reportsUrl }: OptionsAppProps) {
  const data = useStoredData(source);
  return (
    <main className="options">
      <h1>Escalation overlay settings</h1>
      {reportsUrl && (
        <p>
          <a href={reportsUrl}>Reports: escalation returns for the partnership</a>
        </p>
      )}
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
            <div id="profile">
              <ProfileSection data={data} client={client} />
            </div>
            <div id="contacts">
              <ContactsSection data={data} client={client} />
            </div>
            <div id="sites">
              <SitesSection client={sitesClient} />
            </div>
            <div id="policy">
              <PolicySection data={data} client={client} now={now} />
            </div>
            <div id="alerts">
              <AlertsSection data={data} client={client} />
            </div>
            <div id="data">
              <DataSection data={data} client={client} {...(reportsUrl ? { reportsUrl } : {})} />
            </div>
            <div id="about">
              <AboutSection data={data} version={version} />
            </div>
          </div>
        </>
      ) : (
        <p role="status">Loading…</p>
      )}
    </main>
  );
}
