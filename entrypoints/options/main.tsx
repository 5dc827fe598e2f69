import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import { createDataClient, loadStoredData, watchStoredData } from '@/lib/storage';
import './options.css';

const area = browser.storage.local;
const source = {
  load: () => loadStoredData(area),
  watch: (onChange: Parameters<typeof watchStoredData>[2]) => watchStoredData(area, area.onChanged, onChange),
};
const client = createDataClient(
  area,
  (envelope) => browser.runtime.sendMessage(envelope),
  () => new Date(),
);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <OptionsApp source={source} client={client} />
    </StrictMode>,
  );
}
