import { useCallback, useEffect, useId, useState } from 'react';
import type { SiteClient, SiteTarget } from '@/lib/sites/popup-client';

/**
 * "Use on this site" for the active tab, and "Open panel here" (once, through
 * the toolbar's one-off access, on a site that is not turned on).
 */
export function SiteControl({ client, onOpened }: { client: SiteClient; onOpened?: () => void }) {
  const checkboxId = useId();
  const setById = useId();
  const [target, setTarget] = useState<SiteTarget>();
  const [shortcut, setShortcut] = useState<string>();
  const [status, setStatus] = useState('');

  const refresh = useCallback(() => {
    client.target().then(setTarget, () => setTarget({ kind: 'none' }));
  }, [client]);

  useEffect(() => {
    refresh();
    client.shortcut().then(setShortcut, () => undefined);
    return client.watchTarget(refresh);
  }, [client, refresh]);

  if (!target) return <p>Checking this page…</p>;
  if (target.kind !== 'site') {
    return (
      <p>
        The overlay works on the web pages of your case-record system. Open one, then choose this button
        again.
      </p>
    );
  }

  const toggle = () => {
    setStatus('');
    // The permission request must start in this click, before anything else is awaited.
    const change = target.enabled
      ? client.turnOffForSite(target.tabId).then(() => `Turned off on ${target.name}.`)
      : client
          .turnOnForSite(target)
          .then((result) =>
            result === 'enabled'
              ? `Turned on for ${target.name}.`
              : 'Not turned on: the browser’s permission was not given.',
          );
    change
      .then(setStatus, (error: unknown) =>
        setStatus(error instanceof Error ? error.message : 'That did not work. Try again.'),
      )
      .finally(refresh);
  };

  const openHere = () => {
    client.openPanelHere(target.tabId).then(
      () => onOpened?.(),
      () => setStatus('The panel cannot open on this page.'),
    );
  };

  return (
    <section className="site" aria-label="This site">
      <p>
        This site: <strong>{target.name}</strong>
      </p>
      <div className="switch">
        <input
          id={checkboxId}
          type="checkbox"
          checked={target.enabled}
          // The organisation keeps its locked sites on; one the browser has not allowed yet can still be allowed here.
          disabled={target.locked && target.enabled}
          aria-describedby={target.setBy ? setById : undefined}
          onChange={toggle}
        />
        <label htmlFor={checkboxId}>Use on this site</label>
      </div>
      {target.setBy ? (
        <p className="hint" id={setById}>
          {target.locked ? <span aria-hidden="true">🔒 </span> : null}
          Set by {target.setBy}
          {target.locked ? '; it cannot be turned off here.' : '; you may turn it off.'}
        </p>
      ) : null}
      <p className="hint">
        {target.enabled
          ? 'The launcher shows on every page of this site.'
          : 'Your browser asks to allow this site only. Nothing runs on sites you have not turned on.'}
      </p>
      <button type="button" onClick={openHere}>
        {target.enabled ? 'Open panel' : 'Open panel here once'}
      </button>
      {shortcut ? <p className="hint">Shortcut: {shortcut}</p> : null}
      <p role="status" className="status">
        {status}
      </p>
    </section>
  );
}
