import { type FormEvent, useId, useState } from 'react';
import type { ChildReference } from '@/lib/overlay/child-reference';
import type { PageContext } from '@/lib/overlay/page-context';

interface ChildSummaryProps {
  /** The page beside the panel; null when the panel is not beside a page running the overlay. */
  page: PageContext | null;
  child: ChildReference | undefined;
  enterReference(reference: string): Promise<void>;
}

/**
 * Which child the panel is for. Found on the page: the system and record ID,
 * and the name as a label to check against the page. Not found: the panel
 * asks for the child's reference rather than guessing.
 */
export function ChildSummary({ page, child, enterReference }: ChildSummaryProps) {
  const inputId = useId();
  const [changing, setChanging] = useState(false);
  const [reference, setReference] = useState('');
  const [problem, setProblem] = useState<string>();

  if (page === null) {
    return <p>This panel is not beside a case-record page. Open it from the page of a child’s record.</p>;
  }
  if (!page.looked) return <p>Looking for the child on this page…</p>;

  if (child && !(child.entered && changing)) {
    return (
      <>
        <dl className="child">
          {child.system ? (
            <div>
              <dt>System</dt>
              <dd>{child.system}</dd>
            </div>
          ) : null}
          <div>
            <dt>Record ID</dt>
            <dd data-testid="record-id">{child.recordId}</dd>
          </div>
          {child.displayName ? (
            <div>
              <dt>Name on the page</dt>
              <dd>{child.displayName}</dd>
            </div>
          ) : null}
        </dl>
        {child.entered ? (
          <p>
            You entered this reference.{' '}
            <button type="button" className="link" onClick={() => setChanging(true)}>
              Change it
            </button>
          </p>
        ) : (
          <p className="hint">Found on the page. The name is shown here only, never saved.</p>
        )}
      </>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reference.trim();
    if (!trimmed) {
      setProblem('Type the child’s record ID.');
      return;
    }
    try {
      await enterReference(trimmed);
      setChanging(false);
      setProblem(undefined);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The reference could not be kept.');
    }
  };

  return (
    <form className="reference" onSubmit={submit} noValidate>
      <p>No child’s record was found on this page.</p>
      <label htmlFor={inputId}>Child’s reference (their record ID in your case-record system)</label>
      <input
        id={inputId}
        value={reference}
        onChange={(event) => setReference(event.target.value)}
        autoComplete="off"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${inputId}-problem` : undefined}
      />
      {problem ? (
        <p id={`${inputId}-problem`} className="problem">
          {problem}
        </p>
      ) : null}
      <button type="submit">Use this reference</button>
    </form>
  );
}
