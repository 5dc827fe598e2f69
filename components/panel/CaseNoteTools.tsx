import { useId, useState } from 'react';
import { CheckboxField, TextField } from '@/components/shared/Fields';
import { refusalMessage } from '@/components/shared/form-rules';
import { plural } from '@/components/shared/plural';
import type { Escalation } from '@/lib/escalation';
import type { Policy } from '@/lib/policy';
import type { RecordOptions } from '@/lib/record';
import { caseNoteText, copiedMessage, type RecordChoice, recordChoiceLabels } from './case-note-text';
import type { CaseNoteBridge } from './workspace-types';

interface CaseNoteToolsProps {
  escalation: Escalation;
  policy: Policy;
  recordOptions: Omit<RecordOptions, 'mode'>;
  caseNote: CaseNoteBridge;
}

type Outcome =
  | { kind: 'done'; message: string }
  | { kind: 'not-inserted'; reason: string; text: string }
  | { kind: 'failed'; message: string };

/** The record for the child's file: previewed exactly, then copied or inserted, whole or in parts. */
export function CaseNoteTools({ escalation, policy, recordOptions, caseNote }: CaseNoteToolsProps) {
  const id = useId();
  const [choice, setChoice] = useState<RecordChoice>('full');
  const [split, setSplit] = useState(false);
  const [partLength, setPartLength] = useState('4000');
  const [outcome, setOutcome] = useState<Outcome>();
  const text = caseNoteText(
    escalation,
    policy,
    { ...recordOptions, mode: choice },
    split ? partLength : undefined,
  );
  const whole = text.ok && text.parts.length === 1 ? text.parts[0] : undefined;

  const copy = async (value: string) => {
    try {
      await caseNote.copy(value);
      setOutcome({ kind: 'done', message: copiedMessage(value) });
    } catch (failure) {
      setOutcome({ kind: 'failed', message: `Not copied: ${refusalMessage(failure)}` });
    }
  };
  const insert = async (value: string) => {
    try {
      const result = await caseNote.insert(value);
      setOutcome(
        result.ok
          ? { kind: 'done', message: 'Inserted into the case note field.' }
          : { kind: 'not-inserted', reason: result.reason, text: value },
      );
    } catch (failure) {
      setOutcome({ kind: 'not-inserted', reason: refusalMessage(failure), text: value });
    }
  };
  const label = recordChoiceLabels[choice];

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Case note</h3>
      <p className="hint">
        Each agency records the escalation on the child’s file. Check the text, then copy or insert it.
      </p>
      <fieldset>
        <legend>Which record</legend>
        {(['full', 'latest'] as const).map((value) => (
          <div className="checkbox" key={value}>
            <input
              id={`${id}-${value}`}
              type="radio"
              name={`${id}-choice`}
              checked={choice === value}
              onChange={() => {
                setChoice(value);
                setOutcome(undefined);
              }}
            />
            <label htmlFor={`${id}-${value}`}>{value === 'full' ? 'Full record' : 'Latest entry only'}</label>
          </div>
        ))}
      </fieldset>
      <CheckboxField
        id={`${id}-split`}
        label="Split into parts for a case-note length limit"
        checked={split}
        onChange={setSplit}
      />
      {split && (
        <TextField
          id={`${id}-length`}
          label="Characters per part"
          type="number"
          value={partLength}
          error={text.ok ? undefined : text.problem}
          onChange={setPartLength}
        />
      )}

      {whole !== undefined && (
        <>
          <label htmlFor={`${id}-preview`}>
            Exact text of the {label} ({plural(whole.length, 'character')})
          </label>
          <textarea id={`${id}-preview`} className="preview" readOnly rows={10} value={whole} />
          <div className="actions">
            <button type="button" className="primary" onClick={() => void copy(whole)}>
              Copy {label}
            </button>
            <button type="button" onClick={() => void insert(whole)}>
              Insert into case note
            </button>
          </div>
        </>
      )}
      {text.ok && text.parts.length > 1 && (
        <ol className="parts">
          {text.parts.map((part, index) => {
            const name = `part ${index + 1} of ${text.parts.length}`;
            return (
              <li key={name}>
                <label htmlFor={`${id}-part-${index}`}>
                  Exact text of {name} ({plural(part.length, 'character')})
                </label>
                <textarea id={`${id}-part-${index}`} className="preview" readOnly rows={6} value={part} />
                <div className="actions">
                  <button type="button" onClick={() => void copy(part)}>
                    Copy {name}
                  </button>
                  <button type="button" onClick={() => void insert(part)}>
                    Insert {name} into case note
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}

      <p role="status">{outcome?.kind === 'done' ? outcome.message : ''}</p>
      {outcome?.kind === 'failed' && (
        <p role="alert" className="refusal">
          {outcome.message}
        </p>
      )}
      {outcome?.kind === 'not-inserted' && (
        <div role="alert" className="refusal">
          <p>Not inserted: {outcome.reason}</p>
          <button type="button" onClick={() => void copy(outcome.text)}>
            Copy instead
          </button>
        </div>
      )}
    </section>
  );
}
