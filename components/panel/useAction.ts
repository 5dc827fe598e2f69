import { useCallback, useState } from 'react';
import { refusalMessage } from '@/components/shared/form-rules';

export interface Action {
  /** Runs the work; returns its result, or undefined when it was refused (the refusal is in `error`). */
  run<T>(work: () => Promise<T>): Promise<T | undefined>;
  pending: boolean;
  /** The refusal in words, to show in an alert next to the action. */
  error: string;
}

/** One save or send the practitioner started, with its refusal kept beside it. */
export function useAction(): Action {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState('');
  const run = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    setPending(true);
    setError('');
    try {
      return await work();
    } catch (failure) {
      setError(refusalMessage(failure));
      return undefined;
    } finally {
      setPending(false);
    }
  }, []);
  return { run, pending, error };
}
