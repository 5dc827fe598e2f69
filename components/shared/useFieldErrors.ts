import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import type { FieldErrors } from './form-rules';

export interface FieldErrorState {
  errors: FieldErrors;
  /** Shows these messages and moves focus to the first field that needs fixing. */
  show(errors: FieldErrors): void;
  formRef: RefObject<HTMLFormElement | null>;
}

export function useFieldErrors(): FieldErrorState {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const show = useCallback((next: FieldErrors) => {
    setErrors(next);
    if (Object.keys(next).length > 0) setAttempt((count) => count + 1);
  }, []);

  return { errors, show, formRef };
}
