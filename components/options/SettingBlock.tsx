import { type ReactNode, useId, useRef, useState } from 'react';
import { pathsSetBy, type SettingPath } from '@/lib/settings';
import type { DataClient, StoredData } from '@/lib/storage';
import { AttemptOutcome, isLocked, LockedNote, useAttempt } from './organisation';

/**
 * What a form field is editing, starting from the saved value and starting
 * again whenever the saved value changes (a save here, a reset, another tab).
 */
export function useEdited<T>(saved: T): [T, (value: T) => void] {
  const key = JSON.stringify(saved);
  const [edited, setEdited] = useState({ key, value: saved });
  if (edited.key !== key) {
    setEdited({ key, value: saved });
    return [saved, (value) => setEdited({ key, value })];
  }
  return [edited.value, (value) => setEdited({ key, value })];
}

/** What a setting's controls need: whether they may change it, and the note that says why not. */
export interface SettingControl {
  locked: boolean;
  /** The locked note's id, for the controls' aria-describedby; undefined when not locked. */
  lockedNoteId: string | undefined;
  /** Runs a change and announces its outcome beside this setting. */
  attempt: (work: () => Promise<string>) => Promise<void>;
  /** Puts keyboard focus on the setting's heading, when the control that had it has gone. */
  returnFocus(): void;
}

interface SettingBlockProps {
  data: StoredData;
  client: DataClient;
  path: SettingPath;
  title: string;
  /** What the setting does, in a sentence or two. */
  about?: ReactNode;
  /** The default in words, e.g. "England and Wales, from the policy"; offered once the user has set their own. */
  defaultInWords: string;
  /** Checks and saves the edited value, returning what happened; undefined when an answer needs fixing. */
  save?: () => (() => Promise<string>) | undefined;
  children: (control: SettingControl) => ReactNode;
}

/**
 * One setting under its own heading: its controls, Save, "Use the default"
 * once the user has changed it, and the outcome announced beside it. A setting
 * the organisation fixes keeps only its value and the note saying so.
 */
export function SettingBlock({
  data,
  client,
  path,
  title,
  about,
  defaultInWords,
  save,
  children,
}: SettingBlockProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const lockedNoteId = useId();
  const { status, error, attempt } = useAttempt();
  const locked = isLocked(data, path);
  const changedByUser = pathsSetBy(data.user).includes(path);
  const returnFocus = () => heading.current?.focus();
  const control: SettingControl = {
    locked,
    lockedNoteId: locked ? lockedNoteId : undefined,
    attempt,
    returnFocus,
  };

  return (
    <div className="setting">
      <h4 ref={heading} tabIndex={-1}>
        {title}
      </h4>
      {about && <div className="hint">{about}</div>}
      <LockedNote data={data} path={path} id={lockedNoteId} />
      {save ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const work = save();
            if (work) void attempt(work);
          }}
        >
          {children(control)}
          {!locked && (
            <button type="submit">
              Save<span className="visually-hidden"> {title}</span>
            </button>
          )}
        </form>
      ) : (
        children(control)
      )}
      {!locked && changedByUser && (
        <p className="use-default">
          <button
            type="button"
            onClick={() =>
              void attempt(async () => {
                await client.saveSettings({}, [path]);
                returnFocus();
                return `${title}: back to the default, ${defaultInWords}.`;
              })
            }
          >
            Use the default ({defaultInWords})<span className="visually-hidden"> for {title}</span>
          </button>
        </p>
      )}
      <AttemptOutcome status={status} error={error} />
    </div>
  );
}
