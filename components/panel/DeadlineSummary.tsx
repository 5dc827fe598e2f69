import { useEffect, useRef, useState } from 'react';

/**
 * The one line saying what is due next. Screen readers hear it again only
 * when the step or the deadline's state changes (due soon, overdue, ended),
 * politely, never each minute as "due in…" counts down.
 */
export function DeadlineSummary({ line, announceWhen }: { line: string; announceWhen: string }) {
  const [announcement, setAnnouncement] = useState('');
  const announced = useRef(announceWhen);
  useEffect(() => {
    if (announced.current === announceWhen) return;
    announced.current = announceWhen;
    setAnnouncement(line);
  }, [announceWhen, line]);
  return (
    <>
      <p className="summary-line">{line}</p>
      <p aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
    </>
  );
}
