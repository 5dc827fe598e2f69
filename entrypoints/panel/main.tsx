import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PanelApp } from '@/components/panel/PanelApp';
import { clockForBuild } from '@/lib/clock';
import { createPanelClient } from '@/lib/overlay/panel-client';
import { createDataClient, createDraftStore, createEscalationClient } from '@/lib/storage';
import { browserStoredData } from '@/lib/storage/browser-areas';
import './panel.css';

const area = browser.storage.local;
const toBackground = (envelope: unknown) => browser.runtime.sendMessage(envelope);
const { clock } = clockForBuild(browser.storage.session);
const now = () => clock.now();
const data = createDataClient(area, toBackground, now);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PanelApp
        page={createPanelClient(navigator.clipboard, () => window.focus())}
        source={browserStoredData()}
        escalations={createEscalationClient(toBackground)}
        saveSettings={data.saveSettings}
        now={now}
        draftStore={createDraftStore(browser.storage.session)}
      />
    </StrictMode>,
  );
}
