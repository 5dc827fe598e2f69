import { type ReactNode, useState } from 'react';

interface ConfirmedActionProps {
  /** The button that asks first, e.g. "Delete all data…". */
  ask: string;
  /** The confirmation's legend. */
  legend: string;
  /** What it does, and that it cannot be undone. */
  children: ReactNode;
  /** The button that does it, e.g. "Yes, delete everything". */
  confirm: string;
  /** Does it, and calls `close` once it is done (a failure leaves the confirmation open, with its reason). */
  onConfirm(close: () => void): void;
}

/** A destructive action behind a confirmation that says what it does; Cancel leaves everything as it was. */
export function ConfirmedAction({ ask, legend, children, confirm, onConfirm }: ConfirmedActionProps) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        {ask}
      </button>
    );
  }
  return (
    <fieldset className="confirm">
      <legend>{legend}</legend>
      {children}
      <button type="button" className="danger" onClick={() => onConfirm(() => setConfirming(false))}>
        {confirm}
      </button>{' '}
      <button type="button" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </fieldset>
  );
}
