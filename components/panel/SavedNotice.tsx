import { useEffect, useRef, useState } from 'react';
import { refusalMessage } from '@/components/shared/form-rules';
import { plural } from '@/components/shared/plural';
import type { Escalation } from '@/lib/escalation';
import type { Policy } from '@/lib/policy';
import { formatRecord, type RecordOptions } from '@/lib/record';
import type { CaseNoteBridge } from './workspace-types';

/**
 * Shown after each save: each agency must record the entry on the child's
 * file, so the panel offers to copy it there and then.
 */
export function SavedNotice({
  text,
  escalation,
  policy,
  recordOptions,
  caseNote,
}: {
  text: string;
  escalation: Escalation;
  policy: Policy;
  recordOptions: Omit<RecordOptions, 'mode'>;
  caseNote: CaseNoteBridge;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState('');
  // The form that was saved has closed, taking focus with it; the notice catches it, so the
  // practitioner hears what was saved and is next to the offer to copy it.
  useEffect(() => {
    const page = box.current?.ownerDocument;
    if (!page?.activeElement || page.activeElement === page.body) box.current?.focus();
  }, []);
  const [error, setError] = useState('');
  const copy = async () => {
    const entry = formatRecord(escalation, policy, { ...recordOptions, mode: 'latest' });
    setError('');
    try {
      await caseNote.copy(entry);
      setCopied(`Copied ${plural(entry.length, 'character')}.`);
    } catch (failure) {
      setError(`Not copied: ${refusalMessage(failure)}`);
    }
  };
  return (
    <div ref={box} tabIndex={-1} className="saved-notice">
      <p role="status">
        <span aria-hidden="true">✓ </span>
        {text}. Record it on the child’s file in each agency.
      </p>
      <button type="button" onClick={() => void copy()}>
        Copy this entry for the case note
      </button>
      <p role="status">{copied}</p>
      {error && (
        <p role="alert" className="refusal">
          {error}
        </p>
      )}
    </div>
  );
}
