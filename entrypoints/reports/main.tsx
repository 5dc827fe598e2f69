import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { ReportsApp } from '@/components/reports/ReportsApp';
import { clockForBuild } from '@/lib/clock';
import { browserStoredData } from '@/lib/storage/browser-areas';
import './reports.css';

const source = browserStoredData();
const { clock, ready } = clockForBuild(browser.storage.session);
const now = () => clock.now();

/** Saves a file from this page through a Blob URL; nothing leaves the machine. */
function download(fileName: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

const root = document.getElementById('root');
// The period is chosen from "now", so the page waits until the build's clock is known.
if (root) {
  void ready.then(() =>
    createRoot(root).render(
      <StrictMode>
        <ReportsApp source={source} now={now} download={download} />
      </StrictMode>,
    ),
  );
}
