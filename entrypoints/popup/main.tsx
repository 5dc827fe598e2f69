import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Dashboard } from '@/components/popup/Dashboard';
import { SiteControl } from '@/components/popup/SiteControl';
import { useStoredData } from '@/components/shared/useStoredData';
import { clockForBuild } from '@/lib/clock';
import { createSiteClient } from '@/lib/sites/popup-client';
import { loadStoredData, watchStoredData } from '@/lib/storage';
import './popup.css';

const area = browser.storage.local;
const source = {
  load: () => loadStoredData(area),
  watch: (onChange: Parameters<typeof watchStoredData>[2]) => watchStoredData(area, area.onChanged, onChange),
};
const { clock } = clockForBuild(browser.storage.session);
const now = () => clock.now();
const siteClient = createSiteClient();

function Popup() {
  const data = useStoredData(source);
  const siteControl = <SiteControl client={siteClient} onOpened={() => window.close()} />;
  if (!data) {
    return (
      <main className="dashboard">
        <h1>Open escalations</h1>
        {siteControl}
        <p role="status">Loading…</p>
      </main>
    );
  }
  return (
    <Dashboard
      data={data}
      now={now}
      siteControl={siteControl}
      openRecord={(url) => void browser.tabs.create({ url }).then(() => window.close())}
      openSettings={() => void browser.runtime.openOptionsPage().then(() => window.close())}
    />
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Popup />
    </StrictMode>,
  );
}
