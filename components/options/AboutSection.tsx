import { useId } from 'react';
import { govukHolidayYears } from '@/lib/calendar';
import { builtInPolicies, type Policy } from '@/lib/policy';
import type { StoredData } from '@/lib/storage';
import { DetailsList } from './DetailsList';
import { effectiveDateInWords } from './policy-choices';
import './people.css';

interface AboutSectionProps {
  data: StoredData;
  /** The extension's version, from its manifest; the page reads it, so this component stays free of browser APIs. */
  version: string;
}

const samePolicy = (a: Policy, b: { id: string; version: string }) =>
  a.id === b.id && a.version === b.version;

/** Settings → About: the version, what happens to the data, who manages the settings, and each policy's source. */
export function AboutSection({ data, version }: AboutSectionProps) {
  const headingId = useId();
  const { organisation, settings } = data;
  const organisationName = organisation.name ?? 'your organisation';
  const policies = [
    ...builtInPolicies.map((policy) => ({ policy, origin: 'Built into the extension' })),
    ...settings.importedPolicies
      .filter((policy) => !builtInPolicies.some((builtIn) => samePolicy(builtIn, policy)))
      .map((policy) => ({
        policy,
        origin: organisation.policies.some((given) => samePolicy(given, policy))
          ? `Given by ${organisationName}`
          : 'Imported by you',
      })),
  ];

  return (
    <section aria-labelledby={headingId} className="people-settings">
      <h2 id={headingId}>About</h2>
      <p>Escalation overlay, version {version}.</p>
      {organisation.state === 'applied' && (
        <p>
          Some settings are managed by {organisationName} through the browser’s policies; they are marked “Set
          by {organisationName}”.
        </p>
      )}

      <h3>Privacy</h3>
      <ul>
        <li>
          No data leaves this computer. The extension sends nothing to any server: what leaves it is only what
          you copy, insert into a case note, or export as a backup yourself.
        </li>
        <li>
          Nothing is collected about you or the children you work with. There are no analytics or tracking.
        </li>
        <li>
          Escalations and settings are stored only in this browser profile, in the extension’s own storage.
          Another browser, profile or computer does not see them.
        </li>
        <li>
          Text you copy goes on the clipboard. On Windows, clipboard history (Windows key + V) can keep it
          after you paste, and may sync it to your other devices; your organisation may want clipboard history
          turned off.
        </li>
      </ul>

      <h3>Bank holidays</h3>
      <p>
        UK bank holidays for {govukHolidayYears.first}–{govukHolidayYears.last} are GOV.UK’s official list (
        <a href="https://www.gov.uk/bank-holidays" target="_blank" rel="noreferrer">
          gov.uk/bank-holidays
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
        ). Contains public sector information licensed under the{' '}
        <a
          href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
          target="_blank"
          rel="noreferrer"
        >
          Open Government Licence v3.0
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
        . Later years are worked out from the rules of the date-holidays library (data licence CC BY-SA 3.0).
      </p>

      <h3>Policy sources</h3>
      <p>
        The escalation policies the extension knows. Each escalation keeps the policy version it was started
        under.
      </p>
      <ul className="policy-sources">
        {policies.map(({ policy, origin }) => (
          <li key={`${policy.id}@${policy.version}`}>
            <h4>{policy.name}</h4>
            {samePolicy(policy, settings.activePolicy) && <p>New escalations start under this policy.</p>}
            <DetailsList
              rows={[
                { label: 'Partnership', value: policy.partnership },
                { label: 'Version', value: policy.version },
                { label: 'Effective from', value: effectiveDateInWords(policy.effectiveDate) },
                { label: 'Source', value: <PolicySource source={policy.source} /> },
                { label: 'Where it comes from', value: origin },
              ]}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function PolicySource({ source }: { source: Policy['source'] }) {
  return (
    <>
      {source.url ? (
        <a href={source.url} target="_blank" rel="noreferrer">
          {source.title}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      ) : (
        source.title
      )}
      {source.reference && `, ${source.reference}`}
    </>
  );
}
