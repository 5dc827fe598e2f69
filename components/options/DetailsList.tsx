import type { ReactNode } from 'react';

/** Settings shown read-only (set by the organisation): each label with its value, or "not set". */
export function DetailsList({ rows }: { rows: readonly { label: string; value: ReactNode }[] }) {
  return (
    <dl className="details-list">
      {rows.map((row) => (
        <div key={row.label}>
          <dt>{row.label}</dt>
          <dd>{row.value || 'Not set'}</dd>
        </div>
      ))}
    </dl>
  );
}
