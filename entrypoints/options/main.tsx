import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import { createDataClient } from '@/lib/storage';
import { browserStoredData } from '@/lib/storage/browser-areas';
import './options.css';

const source = browserStoredData();
const client = createDataClient(
  browser.storage.local,
  (envelope) => browser.runtime.sendMessage(envelope),
  () => new Date(),
);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <OptionsApp source={source} client={client} version={browser.runtime.getManifest().version} />
    </StrictMode>,
  );
}
