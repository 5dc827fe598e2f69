import { useId, useRef, useState } from 'react';
import { TextField } from '@/components/shared/Fields';
import {
  calendarFor,
  clockTimeToMs,
  formatDateTime,
  londonDate,
  londonInstant,
  sampleTimeline,
} from '@/lib/calendar';
import { describeTimescale, type Policy, type Problem, parsePolicy } from '@/lib/policy';
import * as z from '@/lib/schema/zod';
import type { DataClient, StoredData } from '@/lib/storage';
import { AttemptOutcome, isLocked, useAttempt } from './organisation';
import { PolicySource } from './PolicySteps';
import { ProblemList, readChosenFile } from './ProblemList';
import { alreadyHere, samePolicy } from './policy-choices';

const calendarDate = z.iso.date();

/** The most policies the settings keep (the settings schema's limit). */
const MOST_IMPORTED = 20;

type ImportState =
  | { step: 'idle' }
  | { step: 'problems'; fileName: string; problems: Problem[] }
  | { step: 'refused'; reason: string }
  | { step: 'preview'; policy: Policy };

interface PolicyImportProps {
  data: StoredData;
  client: DataClient;
  now: () => Date;
}

/**
 * Importing a policy file: it is checked whole, its problems listed with where
 * they are; a good one is shown as the timeline it would give before the user
 * adopts it. Nothing is saved until they do.
 */
export function PolicyImport({ data, client, now }: PolicyImportProps) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const fileId = useId();
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  // A new input after each import, so choosing the same file again is noticed.
  const [inputKey, setInputKey] = useState(0);
  const { status, error, attempt } = useAttempt();

  const check = (file: File) =>
    attempt(async () => {
      setState({ step: 'idle' });
      const read = await readChosenFile(file);
      const parsed = read.ok ? parsePolicy(read.text) : read;
      if (!parsed.ok) {
        setState({ step: 'problems', fileName: file.name, problems: parsed.problems });
        return '';
      }
      const refusal =
        alreadyHere(data, parsed.policy) ??
        ((data.user.importedPolicies ?? []).length >= MOST_IMPORTED
          ? `You already have ${MOST_IMPORTED} imported policies, the most kept; remove one first. Nothing was changed.`
          : undefined);
      if (refusal) {
        setState({ step: 'refused', reason: refusal });
        return '';
      }
      const { policy } = parsed;
      setState({ step: 'preview', policy });
      return `${file.name} holds a valid policy, ${policy.name}, with ${policy.steps.length} steps in ${policy.stages.length} stages. Check its deadlines below, then use it or cancel.`;
    });

  /** Back to choosing a file; focus goes to the heading, as the preview that had it has gone. */
  const finish = () => {
    setState({ step: 'idle' });
    setInputKey((key) => key + 1);
    heading.current?.focus();
  };

  const adopt = (policy: Policy) =>
    attempt(async () => {
      const kept = (data.user.importedPolicies ?? []).filter((known) => !samePolicy(known, policy));
      await client.saveSettings({
        importedPolicies: [...kept, policy],
        activePolicy: { id: policy.id, version: policy.version },
      });
      finish();
      return `Imported ${policy.name}, version ${policy.version}: new escalations will start under it. Escalations already started keep their own policy.`;
    });

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        Import a policy
      </h3>
      {isLocked(data, 'activePolicy') ? (
        <p>
          Your organisation chooses the policy escalations start under, so an imported policy could not be
          used here.
        </p>
      ) : (
        <>
          <p id={`${fileId}-hint`} className="hint">
            A policy file (JSON) from your safeguarding partnership or IT department. It is checked in full
            before anything changes, and you see the deadlines it gives before you use it.
          </p>
          <label htmlFor={fileId}>Policy file</label>
          <input
            key={inputKey}
            id={fileId}
            type="file"
            accept="application/json,.json"
            aria-describedby={`${fileId}-hint`}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void check(file);
            }}
          />
          {state.step === 'problems' && <ProblemList fileName={state.fileName} problems={state.problems} />}
          {state.step === 'refused' && (
            <p role="alert" className="refusal">
              <span aria-hidden="true">⚠ </span>
              {state.reason}
            </p>
          )}
          {state.step === 'preview' && (
            <PolicyPreview
              data={data}
              policy={state.policy}
              now={now}
              onAccept={() => void adopt(state.policy)}
              onCancel={finish}
            />
          )}
        </>
      )}
      <AttemptOutcome status={status} error={error} />
    </section>
  );
}

interface PolicyPreviewProps {
  data: StoredData;
  policy: Policy;
  now: () => Date;
  onAccept(): void;
  onCancel(): void;
}

/** The policy a file holds, and the deadlines it would give from a sample start, under the calendar in force. */
function PolicyPreview({ data, policy, now, onAccept, onCancel }: PolicyPreviewProps) {
  const headingId = useId();
  const dateId = useId();
  const [sampleDate, setSampleDate] = useState(() => londonDate(now()));
  const calendar = calendarFor(policy, data.settings.calendar);
  const dateValid = calendarDate.safeParse(sampleDate).success;
  const startedAt = dateValid
    ? londonInstant(sampleDate, clockTimeToMs(calendar.workingHours.start))
    : undefined;
  const timeline = startedAt ? sampleTimeline(startedAt, policy, data.settings.calendar) : [];

  return (
    <form
      className="import-preview"
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        onAccept();
      }}
    >
      <h4 id={headingId}>
        Check before using: {policy.name}, version {policy.version}
      </h4>
      <PolicySource policy={policy} />
      <TextField
        id={dateId}
        label="Sample start date"
        hint="The deadlines below are for a difference of opinion starting at the start of working hours on this date, with your calendar settings."
        type="date"
        value={sampleDate}
        error={dateValid ? undefined : 'Enter a date, for example 2 November 2026'}
        onChange={setSampleDate}
      />
      {startedAt && (
        <table>
          <caption>
            Deadlines from {formatDateTime(startedAt)}, if each step is completed on its deadline and each
            stage is reached when the stage before it runs out
          </caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Stage</th>
              <th scope="col">Due</th>
              <th scope="col">Timescale</th>
            </tr>
          </thead>
          <tbody>
            {policy.steps.map((step) => {
              const deadline = timeline.find((candidate) => candidate.stepId === step.id);
              return (
                <tr key={step.id}>
                  <th scope="row">
                    {step.id}: {step.title}
                  </th>
                  <td>{step.stage}</td>
                  <td>
                    {deadline ? formatDateTime(deadline.dueAt) : 'Not in this sample'}
                    {deadline && step.timescale.indicative ? ' (a guide)' : ''}
                  </td>
                  <td>{describeTimescale(step.timescale, policy)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p>
        Using it makes it the policy new escalations start under. Escalations already started keep their own
        policy.
      </p>
      <button type="submit">Use this policy</button>{' '}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
