import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { SiteTestResult } from '@/lib/sites/messages';
import type { AfterAsking, SitesClient } from '@/lib/sites/options-client';
import type { ListedSite, SiteListing } from '@/lib/sites/site-list';
import { siteFromAddress } from '@/lib/sites/site-pattern';
import { AttemptOutcome, useAttempt } from './organisation';
import './sites.css';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : 'That did not work.');

/** What a site's state means for the practitioner, in words. */
function statusOf(site: ListedSite): string {
  if (!site.on) return 'Off: nothing runs on this site.';
  if (!site.granted) {
    return site.organisation
      ? 'Not allowed yet: the browser needs your permission once before anything runs here.'
      : 'Not allowed: the browser’s permission was withdrawn, so nothing runs here.';
  }
  return 'On: the launcher shows on this site’s pages.';
}

function testReport(name: string, result: SiteTestResult): string {
  if (result.found) {
    const child = result.displayName ? ` (${result.displayName})` : '';
    return `Test on ${name}: found record ${result.recordId}${child} in ${result.system}.`;
  }
  switch (result.reason) {
    case 'no-permission':
      return `Test on ${name}: the browser has not allowed the extension on this site, so its pages cannot be read.`;
    case 'no-tab':
      return `Test on ${name}: no tab is open on this site. Open a child’s record there, then test again.`;
    case 'no-child':
      return `Test on ${name}: no child’s record was found in the ${result.tabs === 1 ? 'open tab' : `${result.tabs} open tabs`} of this site. Open a child’s record there, or choose another adapter.`;
  }
}

interface RowProps {
  site: ListedSite;
  listing: SiteListing;
  setBy: string;
  client: SitesClient;
  act: (work: () => Promise<string>) => Promise<void>;
  show: (listing: SiteListing) => void;
}

function SiteRow({ site, listing, setBy, client, act, show }: RowProps) {
  const ids = { note: useId(), status: useId() };
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    // Keyboard users land on the question when it appears, and back on Remove when it is cancelled.
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) removeButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const known = listing.adapters.some((adapter) => adapter.id === site.adapter);
  const fromOrganisation = listing.adapters.filter((adapter) => adapter.from === 'organisation');
  const builtIn = listing.adapters.filter((adapter) => adapter.from === 'built-in');

  // Called straight from the click: the browser's permission prompt must start in it.
  const switchOn = () =>
    act(async () => {
      const outcome: AfterAsking = await client.switchOn(site.site);
      if (!outcome.granted)
        throw new Error(`${site.name} was not turned on: the browser’s permission was not given.`);
      show(outcome.listing);
      return `${site.name} is on.`;
    });

  return (
    <tr>
      <th scope="row">
        {site.name}
        {site.organisation && (
          <p className="locked-note" id={ids.note}>
            {site.locked ? (
              <>
                <span aria-hidden="true">🔒 </span>Set by {setBy}; it cannot be switched off, removed or given
                another adapter here.
              </>
            ) : (
              <>Set by {setBy}; you may switch it off or choose its adapter.</>
            )}
          </p>
        )}
      </th>
      <td id={ids.status}>
        {statusOf(site)}
        {site.on && !site.granted && (
          <>
            {' '}
            <button type="button" onClick={() => void switchOn()}>
              Allow on {site.name}…
            </button>
          </>
        )}
      </td>
      <td>
        <input
          type="checkbox"
          className="site-switch"
          aria-label={`Use on ${site.name}`}
          aria-describedby={site.organisation ? `${ids.status} ${ids.note}` : ids.status}
          checked={site.on}
          disabled={site.locked}
          onChange={() => {
            if (!site.on) {
              void switchOn();
              return;
            }
            void act(async () => {
              show(await client.switchOff(site.site));
              return `${site.name} is off. Its pages no longer show the launcher.`;
            });
          }}
        />
      </td>
      <td>
        <select
          aria-label={`How to find the child on ${site.name}`}
          value={site.adapter ?? ''}
          disabled={site.locked}
          onChange={(event) => {
            const adapter = event.target.value || null;
            void act(async () => {
              const updated = await client.chooseAdapter(site.site, adapter);
              show(updated);
              const name = updated.adapters.find((choice) => choice.id === adapter)?.name;
              return name
                ? `${site.name} now finds the child with the ${name} adapter.`
                : `${site.name} now tries every adapter.`;
            });
          }}
        >
          <option value="">Automatic: try every adapter</option>
          {site.adapter !== undefined && !known && (
            <option value={site.adapter}>{site.adapter} (no longer available: every adapter is tried)</option>
          )}
          {fromOrganisation.length > 0 && (
            <optgroup label={`${setBy}’s adapters`}>
              {fromOrganisation.map((adapter) => (
                <option key={adapter.id} value={adapter.id}>
                  {adapter.name}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label="Built in">
            {builtIn.map((adapter) => (
              <option key={adapter.id} value={adapter.id}>
                {adapter.name}
              </option>
            ))}
          </optgroup>
        </select>
      </td>
      <td className="site-actions">
        <button
          type="button"
          aria-label={`Test ${site.name}`}
          onClick={() => void act(async () => testReport(site.name, await client.test(site.site)))}
        >
          Test
        </button>
        {!site.organisation &&
          (confirming ? (
            <fieldset className="confirm">
              <legend>Remove {site.name}?</legend>
              <p>The overlay stops on its pages and the browser’s permission for it is withdrawn.</p>
              <button
                ref={confirmButton}
                type="button"
                className="danger"
                onClick={() =>
                  void act(async () => {
                    show(await client.remove(site.site));
                    return `Removed ${site.name}.`;
                  })
                }
              >
                Yes, remove {site.name}
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </fieldset>
          ) : (
            <button
              ref={removeButton}
              type="button"
              aria-label={`Remove ${site.name}`}
              onClick={() => setConfirming(true)}
            >
              Remove
            </button>
          ))}
      </td>
    </tr>
  );
}

/** Settings → Sites: where the overlay runs, how it finds the child there, and the organisation's sites. */
export function SitesSection({ client }: { client: SitesClient }) {
  const ids = { heading: useId(), add: useId(), address: useId(), hint: useId(), error: useId() };
  const [listing, setListing] = useState<SiteListing>();
  const [loadError, setLoadError] = useState('');
  const [address, setAddress] = useState('');
  const [addressError, setAddressError] = useState('');
  const addressField = useRef<HTMLInputElement>(null);
  const { status, error, attempt } = useAttempt();

  const reload = useCallback(() => {
    client.list().then(
      (loaded) => {
        setListing(loaded);
        setLoadError('');
      },
      (failure: unknown) => setLoadError(messageOf(failure)),
    );
  }, [client]);

  useEffect(() => {
    reload();
    return client.watch(reload);
  }, [client, reload]);

  const refuseAddress = (message: string) => {
    setAddressError(message);
    addressField.current?.focus();
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    const site = siteFromAddress(address);
    if (!site) {
      refuseAddress('Enter the address of a web page on the site, such as https://records.example.gov.uk.');
      return;
    }
    setAddressError('');
    // No await before this: the browser's permission prompt must start in the user's click.
    void attempt(async () => {
      try {
        const outcome = await client.add(site);
        if (!outcome.granted) {
          refuseAddress('Not added: the browser’s permission for the site was not given.');
          return '';
        }
        setListing(outcome.listing);
        setAddress('');
        const added = outcome.listing.sites.find((candidate) => candidate.site === site);
        return `Added ${added?.name ?? site}. The launcher shows on its pages from the next page you open.`;
      } catch (failure) {
        refuseAddress(messageOf(failure));
        return '';
      }
    });
  };

  const setBy = listing?.organisation ?? 'your organisation';

  return (
    <section aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>Sites</h2>
      <p>
        The overlay runs only on the sites listed here that are on and that your browser allows. A site that
        is off stays listed, with the browser’s permission, until you remove it.
      </p>
      {loadError && (
        <p role="alert" className="refusal">
          <span aria-hidden="true">⚠ </span>The sites could not be loaded: {loadError}
        </p>
      )}
      {!listing ? (
        !loadError && <p role="status">Loading sites…</p>
      ) : listing.sites.length === 0 ? (
        <p>
          No sites yet. Add your case-record system below, or use the toolbar button’s “Use on this site” on
          one of its pages.
        </p>
      ) : (
        <table className="sites">
          <caption>Sites where the overlay can run</caption>
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col">Status</th>
              <th scope="col">On</th>
              <th scope="col">How the child is found</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {listing.sites.map((site) => (
              <SiteRow
                key={site.site}
                site={site}
                listing={listing}
                setBy={setBy}
                client={client}
                act={attempt}
                show={setListing}
              />
            ))}
          </tbody>
        </table>
      )}

      <h3 id={ids.add}>Add a site</h3>
      <form className="add-site" aria-labelledby={ids.add} onSubmit={add} noValidate>
        <label htmlFor={ids.address}>Address of a page on the site</label>
        <p className="hint" id={ids.hint}>
          For example https://records.example.gov.uk. Your browser then asks you to allow the extension on
          that site only.
        </p>
        <div className="add-site-row">
          <input
            ref={addressField}
            id={ids.address}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            value={address}
            aria-invalid={addressError ? true : undefined}
            aria-describedby={addressError ? `${ids.hint} ${ids.error}` : ids.hint}
            onChange={(event) => setAddress(event.target.value)}
          />
          <button type="submit">Add site</button>
        </div>
        {addressError && (
          <p id={ids.error} className="field-error" role="alert">
            <span aria-hidden="true">⚠ </span>
            {addressError}
          </p>
        )}
      </form>

      <AttemptOutcome status={status} error={error} />
    </section>
  );
}
