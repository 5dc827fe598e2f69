import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PanelApp } from '@/components/panel/PanelApp';
import { clockForBuild } from '@/lib/clock';
import { followingFromNow } from '@/lib/overlay/first-screen';
import { createPanelClient } from '@/lib/overlay/panel-client';
import { createDraftStore } from '@/lib/storage/drafts';
import { createEscalationClient, saveSettingsVia } from '@/lib/storage/page-clients';
import './panel.css';

const toBackground = (envelope: unknown) => browser.runtime.sendMessage(envelope);
const { clock } = clockForBuild(browser.storage.session);
const now = () => clock.now();

const client = createPanelClient(navigator.clipboard, () => window.focus());
// The first screen is asked for now, so the answer is on its way while React renders the frame.
const page = { ...client, followScreen: followingFromNow(client.followScreen) };

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PanelApp
        page={page}
        escalations={createEscalationClient(toBackground)}
        saveSettings={saveSettingsVia(toBackground)}
        now={now}
        draftStore={createDraftStore(browser.storage.session)}
      />
    </StrictMode>,
  );
}
