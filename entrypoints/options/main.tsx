import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import { clockForBuild } from '@/lib/clock';
import { createSitesClient } from '@/lib/sites/options-client';
import { createDataClient } from '@/lib/storage';
import { browserStoredData } from '@/lib/storage/browser-areas';
import './options.css';

const { clock } = clockForBuild(browser.storage.session);
const now = () => clock.now();
const source = browserStoredData();
const client = createDataClient(
  browser.storage.local,
  (envelope) => browser.runtime.sendMessage(envelope),
  now,
);
const sitesClient = createSitesClient((envelope) => browser.runtime.sendMessage(envelope));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <OptionsApp
        source={source}
        client={client}
        sitesClient={sitesClient}
        version={browser.runtime.getManifest().version}
        now={now}
        reportsUrl={browser.runtime.getURL('/reports.html')}
      />
    </StrictMode>,
  );
}
