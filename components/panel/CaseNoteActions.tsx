import { useId, useRef, useState } from 'react';
import type { InsertOutcome } from '@/lib/overlay/page-protocol';

interface CaseNoteActionsProps {
  text: string;
  insert(text: string): Promise<InsertOutcome>;
  copy(text: string): Promise<void>;
}

function refusalWords(outcome: Exclude<InsertOutcome, { inserted: true }>): string {
  switch (outcome.reason) {
    case 'no-field':
      return 'Not inserted: no case-note field was selected on the page. Click in the case note on the page, then press Insert again, or copy the text and paste it.';
    case 'panel-hidden':
      return `Not inserted: ${outcome.detail}. Insertion is blocked while the page hides or covers this panel; copy the text instead.`;
    case 'not-from-panel':
      return 'Not inserted: press Insert in the panel beside the page.';
  }
}

/** The case note's text, and the two ways into the child's file: Insert at the page's caret, or Copy. */
export function CaseNoteActions({ text, insert, copy }: CaseNoteActionsProps) {
  const headingId = useId();
  const [status, setStatus] = useState('');
  const copyButton = useRef<HTMLButtonElement>(null);

  const onInsert = async () => {
    setStatus('');
    try {
      const outcome = await insert(text);
      if (outcome.inserted) {
        setStatus('Inserted into the case note on the page. Save it there as usual.');
        return;
      }
      setStatus(refusalWords(outcome));
      if (outcome.reason !== 'not-from-panel') copyButton.current?.focus();
    } catch (error) {
      setStatus(error instanceof Error ? error.message : 'The text could not be inserted.');
    }
  };

  const onCopy = async () => {
    try {
      await copy(text);
      setStatus('Copied. Paste it into the case note.');
    } catch {
      setStatus('The text could not be copied. Select it above and copy it yourself.');
    }
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Case note</h2>
      <pre className="note">{text}</pre>
      <div className="actions">
        <button type="button" onClick={onInsert}>
          Insert into case note
        </button>
        <button type="button" onClick={onCopy} ref={copyButton}>
          Copy
        </button>
      </div>
      <p role="status" className="status">
        {status}
      </p>
    </section>
  );
}
