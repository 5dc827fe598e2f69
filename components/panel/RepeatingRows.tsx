import type { ReactNode } from 'react';

interface RepeatingRowsProps<Row> {
  legend: string;
  hint?: string;
  rows: readonly Row[];
  /** "Fact 1": names each row for screen readers. */
  rowLabel(index: number): string;
  renderRow(row: Row, index: number): ReactNode;
  addLabel: string;
  onAdd(): void;
  onRemove(index: number): void;
}

/** A group of rows the practitioner can add to and remove from (facts, people, agreed actions). */
export function RepeatingRows<Row>(props: RepeatingRowsProps<Row>) {
  const { legend, hint, rows, rowLabel, renderRow, addLabel, onAdd, onRemove } = props;
  return (
    <fieldset className="rows">
      <legend>{legend}</legend>
      {hint && <p className="hint">{hint}</p>}
      <ol>
        {rows.map((row, index) => (
          // Rows have no identity of their own; their place is what the fields' ids and messages use.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index}>
            <fieldset className="row">
              <legend>{rowLabel(index)}</legend>
              {renderRow(row, index)}
              {rows.length > 1 && (
                <button type="button" className="quiet" onClick={() => onRemove(index)}>
                  Remove {rowLabel(index).toLowerCase()}
                </button>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" onClick={onAdd}>
        {addLabel}
      </button>
    </fieldset>
  );
}

/** The list with one row changed. */
export function withRow<Row>(rows: readonly Row[], index: number, change: Partial<Row>): Row[] {
  return rows.map((row, at) => (at === index ? { ...row, ...change } : row));
}

export function withoutRow<Row>(rows: readonly Row[], index: number): Row[] {
  return rows.filter((_, at) => at !== index);
}
