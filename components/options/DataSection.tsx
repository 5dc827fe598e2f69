import { useId, useState } from 'react';
import { plural } from '@/components/shared/plural';
import { formatDateTime } from '@/lib/calendar';
import type { DataClient, ImportMode, ImportPreview, StoredData } from '@/lib/storage';
import { ConfirmedAction } from './ConfirmedAction';
import { AttemptOutcome, useAttempt } from './organisation';
import { PartnershipData } from './PartnershipData';
import { WholeNumberSetting } from './WholeNumberSetting';

interface DataSectionProps {
  data: StoredData;
  client: DataClient;
  /** The Reports page, linked from what goes to the partnership. */
  reportsUrl?: string;
}

type ImportState =
  | { step: 'idle' }
  | { step: 'problems'; problems: string[] }
  | { step: 'preview'; text: string; fileName: string; preview: ImportPreview }
  | { step: 'done'; preview: ImportPreview; mode: ImportMode };

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** Settings → Data: what is stored and for how long, backups, deleting everything, and damaged entries. */
export function DataSection({ data, client, reportsUrl }: DataSectionProps) {
  const ids = { heading: useId(), file: useId(), mode: useId() };
  const open = data.escalations.filter((escalation) => escalation.status === 'open').length;
  const { status, error, attempt } = useAttempt();
  const [importState, setImportState] = useState<ImportState>({ step: 'idle' });
  const [mode, setMode] = useState<ImportMode>('merge');

  return (
    <section aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>Data</h2>
      <p>
        Stored only on this computer, in the extension: {plural(data.escalations.length, 'escalation')} (
        {open} open, {data.escalations.length - open} ended). Nothing is sent anywhere. The child’s file in
        your case-record system is the record of the work; the extension keeps only what the deadlines need.
      </p>

      <h3>How long ended escalations are kept</h3>
      <WholeNumberSetting
        data={data}
        client={client}
        path="retentionDays"
        label="Days to keep a resolved or withdrawn escalation"
        unit="day"
        max={3650}
        savedWords={(count) =>
          `Ended escalations will be deleted ${plural(Number(count), 'day')} after they end.`
        }
        attempt={attempt}
      />

      <PartnershipData
        data={data}
        client={client}
        attempt={attempt}
        {...(reportsUrl ? { reportsUrl } : {})}
      />

      <h3>Back up</h3>
      <p>
        Export every escalation, your settings and the kept returns rows to one file. Keep it somewhere your
        organisation allows for case information: uninstalling the extension deletes what it stores.
      </p>
      <button
        type="button"
        onClick={() =>
          void attempt(async () => {
            const { fileName, text } = await client.exportBackup();
            download(fileName, text);
            return `Exported ${plural(data.escalations.length, 'escalation')} to ${fileName}.`;
          })
        }
      >
        Export a backup
      </button>

      <h3>Restore from a backup</h3>
      <label htmlFor={ids.file}>Backup file</label>
      <input
        id={ids.file}
        type="file"
        accept="application/json,.json"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (!file) return;
          void attempt(async () => {
            const text = await file.text();
            const result = await client.previewImport(text);
            setImportState(
              result.ok
                ? { step: 'preview', text, fileName: file.name, preview: result.preview }
                : { step: 'problems', problems: result.problems },
            );
            return '';
          });
        }}
      />
      {importState.step === 'problems' && (
        <div role="alert" className="problems">
          <p>This file cannot be imported, and nothing has been changed:</p>
          <ul>
            {importState.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {importState.step === 'preview' && (
        <form
          className="import-preview"
          aria-label="Import preview"
          onSubmit={(event) => {
            event.preventDefault();
            const { text } = importState;
            void attempt(async () => {
              const preview = await client.importBackup(text, mode);
              setImportState({ step: 'done', preview, mode });
              return 'Imported.';
            });
          }}
        >
          <p>{importState.fileName} holds:</p>
          <ul>
            <li>{plural(importState.preview.added.length, 'new escalation')}</li>
            <li>{plural(importState.preview.updated.length, 'later version')} of escalations here</li>
            <li>
              {plural(importState.preview.conflicting.length, 'escalation')} that differ from the copy here
              without being later (merging keeps the copy here)
            </li>
            <li>{plural(importState.preview.unchanged.length, 'escalation')} already here unchanged</li>
            <li>{plural(importState.preview.onlyHere.length, 'escalation')} here that are not in the file</li>
          </ul>
          <fieldset>
            <legend id={ids.mode}>How to import</legend>
            <label>
              <input type="radio" name="mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />{' '}
              Merge: add new and later versions, keep everything here
            </label>
            <label>
              <input
                type="radio"
                name="mode"
                checked={mode === 'replace'}
                onChange={() => setMode('replace')}
              />{' '}
              Replace: make the extension’s data exactly the file’s (deletes{' '}
              {plural(importState.preview.onlyHere.length, 'escalation')} not in it, and replaces your
              settings)
            </label>
          </fieldset>
          <button type="submit">Import</button>{' '}
          <button type="button" onClick={() => setImportState({ step: 'idle' })}>
            Cancel
          </button>
        </form>
      )}

      <h3>Delete all data</h3>
      <ConfirmedAction
        ask="Delete all data…"
        legend="Confirm deleting all data"
        confirm="Yes, delete everything"
        onConfirm={(close) =>
          void attempt(async () => {
            const deleted = await client.deleteAll();
            close();
            return `Deleted ${plural(deleted, 'escalation')} and your settings.`;
          })
        }
      >
        <p>
          This deletes every escalation ({data.escalations.length}) and your settings from this computer. It
          cannot be undone. Export a backup first if you may need them.
        </p>
      </ConfirmedAction>

      <h3>Entries that could not be read</h3>
      {data.quarantined.length === 0 ? (
        <p>None. Every stored entry is readable.</p>
      ) : (
        <table>
          <caption>
            {plural(data.quarantined.length, 'entry', 'entries')} kept aside, unchanged, because they could
            not be read
          </caption>
          <thead>
            <tr>
              <th scope="col">Entry</th>
              <th scope="col">What is wrong</th>
              <th scope="col">Set aside</th>
            </tr>
          </thead>
          <tbody>
            {data.quarantined.map((entry) => (
              <tr key={`${entry.originalKey}-${entry.quarantinedAt ?? ''}`}>
                <td>{entry.originalKey}</td>
                <td>{entry.problems}</td>
                <td>{entry.quarantinedAt ? formatDateTime(new Date(entry.quarantinedAt)) : 'not yet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <AttemptOutcome status={status} error={error} />
    </section>
  );
}
