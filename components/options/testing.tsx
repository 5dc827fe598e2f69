import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { useStoredData } from '@/components/shared/useStoredData';
import { createMessageRouter } from '@/lib/messaging';
import { memorySitesClient } from '@/lib/sites/testing';
import {
  createDataClient,
  type DataClient,
  EscalationStore,
  loadStoredData,
  type StoredData,
  storageRoutes,
  storedDataSource,
} from '@/lib/storage';
import { fakeAreas, fakeChanges } from '@/lib/storage/testing';
import { OptionsApp } from './OptionsApp';

/**
 * An options section as the options page wires it, for component tests: the
 * real store behind the real message router and client, over the fake
 * browser's storage, with the stored data watched as the page watches it. The
 * organisation's settings, when given, reach both the store and the page.
 */

const self = { id: 'ext', origin: 'chrome-extension://ext/' };
export const now = () => new Date('2026-11-02T16:00:00Z');

type Section = (data: StoredData, client: DataClient) => ReactNode;

function LiveSection({ source, section, client }: { source: Source; section: Section; client: DataClient }) {
  const data = useStoredData(source);
  return data ? section(data, client) : <p>Loading…</p>;
}

type Source = Parameters<typeof useStoredData>[0];

export function optionsHarness(organisation?: Record<string, unknown>) {
  const areas = fakeAreas(organisation);
  let ids = 0;
  const store = new EscalationStore({
    area: areas.local,
    managed: areas.managed,
    now,
    newId: () => `esc-${++ids}`,
  });
  const router = createMessageRouter(storageRoutes(store), self);
  const client = createDataClient(
    areas.local,
    async (envelope) => router(envelope, { id: 'ext', url: `${self.origin}options.html` }),
    now,
  );
  // Loaded whole, organisation's settings included, as a page shows it once they have arrived.
  const source: Source = {
    load: () => loadStoredData(areas),
    watch: storedDataSource(areas, fakeChanges()).watch,
  };
  return {
    area: areas.local,
    store,
    client,
    /** Everything stored, as a page would load it now. */
    load: () => loadStoredData(areas),
    show: (section: Section) => render(<LiveSection source={source} section={section} client={client} />),
    /** The whole options page, as the entrypoint renders it, with the stored data arriving as a page's does. */
    showPage: () =>
      render(
        <OptionsApp
          source={storedDataSource(areas, fakeChanges())}
          client={client}
          sitesClient={memorySitesClient().client}
          version="1.4.0"
          now={now}
        />,
      ),
  };
}

/** A JSON file as the file input hands it over. */
export const jsonFile = (value: unknown, name = 'policy.json') =>
  new File([typeof value === 'string' ? value : JSON.stringify(value)], name, { type: 'application/json' });
