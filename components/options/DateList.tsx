import { useId, useState } from 'react';
import { ErrorSummary, TextField } from '@/components/shared/Fields';
import { formatDate } from '@/lib/calendar';
import * as z from '@/lib/schema/zod';
import type { SettingPath } from '@/lib/settings';
import type { DataClient, StoredData } from '@/lib/storage';
import { SettingBlock } from './SettingBlock';

export interface DateEntry {
  date: string;
  name?: string | undefined;
}

interface DateListProps {
  data: StoredData;
  client: DataClient;
  path: Extract<SettingPath, 'calendar.closures' | 'calendar.additions' | 'calendar.removals'>;
  title: string;
  /** What one entry is called, e.g. "closure date". */
  noun: string;
  about: string;
  entries: readonly DateEntry[];
  /** Whether each date has a name: closures may, one-off holidays must, working days after all have none. */
  naming: 'optional' | 'required' | 'none';
  defaultInWords: string;
  save(entries: DateEntry[]): Promise<unknown>;
}

const calendarDate = z.iso.date();
const byDate = (a: DateEntry, b: DateEntry) => a.date.localeCompare(b.date);
const inWords = (entry: DateEntry) => `${formatDate(entry.date)}${entry.name ? `, ${entry.name}` : ''}`;

/** Dates in the working calendar, each with a name where it has one: listed, added and removed one at a time. */
export function DateList(props: DateListProps) {
  const { data, client, path, title, noun, about, entries, defaultInWords, save } = props;
  return (
    <SettingBlock
      data={data}
      client={client}
      path={path}
      title={title}
      about={<p>{about}</p>}
      defaultInWords={defaultInWords}
    >
      {({ locked, lockedNoteId, attempt, returnFocus }) => (
        <>
          {entries.length === 0 ? (
            <p>None.</p>
          ) : (
            <ul className="date-list" aria-label={title} aria-describedby={lockedNoteId}>
              {entries.map((entry) => (
                <li key={entry.date}>
                  {inWords(entry)}
                  {!locked && (
                    <>
                      {' '}
                      <button
                        type="button"
                        onClick={() =>
                          void attempt(async () => {
                            await save(entries.filter((kept) => kept.date !== entry.date));
                            returnFocus();
                            return `Removed the ${noun} ${inWords(entry)}.`;
                          })
                        }
                      >
                        Remove
                        <span className="visually-hidden">
                          {' '}
                          {noun} {formatDate(entry.date)}
                        </span>
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          {!locked && <AddDate {...props} attempt={attempt} />}
        </>
      )}
    </SettingBlock>
  );
}

function AddDate({
  noun,
  entries,
  naming,
  save,
  attempt,
}: DateListProps & { attempt: (work: () => Promise<string>) => Promise<void> }) {
  const id = useId();
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [checking, setChecking] = useState(false);
  const trimmed = name.trim();
  const errors = {
    date: !calendarDate.safeParse(date).success
      ? 'Enter the date'
      : entries.some((entry) => entry.date === date)
        ? `${formatDate(date)} is already listed`
        : undefined,
    name:
      naming === 'required' && trimmed === ''
        ? `Enter the ${noun}’s name, for example State funeral`
        : undefined,
  };
  const errorCount = Object.values(errors).filter(Boolean).length;
  return (
    <form
      noValidate
      className="add-date"
      onSubmit={(event) => {
        event.preventDefault();
        setChecking(true);
        if (errorCount > 0) return;
        const entry: DateEntry = trimmed ? { date, name: trimmed } : { date };
        void attempt(async () => {
          await save([...entries, entry].sort(byDate));
          setDate('');
          setName('');
          setChecking(false);
          return `Added the ${noun} ${inWords(entry)}.`;
        });
      }}
    >
      <fieldset>
        <legend>Add a {noun}</legend>
        {checking && <ErrorSummary count={errorCount} />}
        <TextField
          id={`${id}-date`}
          label="Date"
          type="date"
          value={date}
          error={checking ? errors.date : undefined}
          onChange={setDate}
        />
        {naming !== 'none' && (
          <TextField
            id={`${id}-name`}
            label="Name"
            optional={naming === 'optional'}
            value={name}
            error={checking ? errors.name : undefined}
            onChange={setName}
          />
        )}
        <button type="submit">Add {noun}</button>
      </fieldset>
    </form>
  );
}
