import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Dashboard } from '@/components/popup/Dashboard';
import { SiteControl } from '@/components/popup/SiteControl';
import { type FollowDashboardList, useDashboardList } from '@/components/popup/useDashboardList';
import { followDashboardList } from '@/lib/alerts/dashboard-store';
import { filterFromQuery } from '@/lib/alerts/filters';
import { clockForBuild } from '@/lib/clock';
import { createSiteClient } from '@/lib/sites/popup-client';
import './popup.css';

// Working the list out from storage (policies, every escalation) is loaded only when the
// background has kept no list to show, so the popup opens without it.
const fromStorage = async () => {
  const [{ followStoredList }, { browserStoredData }] = await Promise.all([
    import('@/lib/alerts/dashboard-list'),
    import('@/lib/storage/browser-areas'),
  ]);
  return (show: Parameters<FollowDashboardList>[0]) => followStoredList(browserStoredData(), show);
};
const follow: FollowDashboardList = (show) => followDashboardList(browser.storage.session, fromStorage, show);
const { clock } = clockForBuild(browser.storage.session);
const now = () => clock.now();
const siteClient = createSiteClient();
// Opened from a summary notification, the popup shows the list it counted (popup.html?filter=overdue).
const initialFilter = filterFromQuery(window.location.search);

function Popup() {
  const list = useDashboardList(follow);
  const siteControl = <SiteControl client={siteClient} onOpened={() => window.close()} />;
  if (!list) {
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
      list={list}
      now={now}
      initialFilter={initialFilter}
      siteControl={siteControl}
      openRecord={(url) => void browser.tabs.create({ url }).then(() => window.close())}
      openSettings={() => void browser.runtime.openOptionsPage().then(() => window.close())}
      openReports={() =>
        void browser.tabs.create({ url: browser.runtime.getURL('/reports.html') }).then(() => window.close())
      }
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
