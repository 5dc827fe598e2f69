import { useState } from 'react';
import type { SettingPath } from '@/lib/settings';
import type { StoredData } from '@/lib/storage';

/** Whether the organisation has fixed this setting. */
export const isLocked = (data: StoredData, path: SettingPath) => data.locked.includes(path);

/** The note beside a setting the organisation has fixed: who set it, and that it cannot be changed here. */
export function LockedNote({ data, path, id }: { data: StoredData; path: SettingPath; id?: string }) {
  if (!isLocked(data, path)) return null;
  return (
    <p className="locked-note" id={id}>
      <span aria-hidden="true">🔒 </span>
      Set by {data.organisation.name ?? 'your organisation'}; it cannot be changed here.
    </p>
  );
}

/** The organisation's name and every managed setting that was ignored, with why. */
export function OrganisationNotice({ data }: { data: StoredData }) {
  const { organisation } = data;
  if (organisation.state === 'loading') {
    return (
      <p role="status">Waiting for your organisation’s settings; nothing can be changed until they load.</p>
    );
  }
  if (organisation.state === 'none') return null;
  return (
    <section className="organisation" aria-label="Your organisation’s settings">
      <p>
        {organisation.name ? `${organisation.name} manages` : 'Your organisation manages'} some of these
        settings; they are marked <span aria-hidden="true">🔒</span> “Set by{' '}
        {organisation.name ?? 'your organisation'}”.
      </p>
      {organisation.warnings.length > 0 && (
        <div role="alert" className="problems">
          <p>Some of your organisation’s settings could not be used, so the extension’s own apply instead:</p>
          <ul>
            {organisation.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
          <p>Tell your IT department; they can check the policy at chrome://policy or about:policies.</p>
        </div>
      )}
    </section>
  );
}

/**
 * Runs one action of a section and keeps what it said: a status in words on
 * success, the reason on failure. Both are announced to screen readers.
 */
export function useAttempt() {
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const attempt = async (work: () => Promise<string>) => {
    setError('');
    setStatus('');
    try {
      setStatus(await work());
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'That did not work.');
    }
  };
  return { status, error, attempt };
}

/** The outcome of a section's last action, in live regions that are always present so they are announced. */
export function AttemptOutcome({ status, error }: { status: string; error: string }) {
  return (
    <>
      <p role="status" className="status">
        {status}
      </p>
      {error && (
        <p role="alert" className="refusal">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </>
  );
}
