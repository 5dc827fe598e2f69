import type { Escalation, EscalationChange, Person } from '@/lib/escalation';
import type { EscalationClient } from '@/lib/storage';
import { useAction } from './useAction';

/** What a section needs to change the escalation on screen. */
export interface ChangeTarget {
  escalation: Escalation;
  client: EscalationClient;
  /** The practitioner making the change. */
  by: Person;
  /** Called with the saved escalation and a line saying what was saved. */
  onSaved(escalation: Escalation, saved: string): void;
}

/** Sends one kind of change for a section, keeping its refusal beside it. */
export function useChange({ escalation, client, by, onSaved }: ChangeTarget) {
  const action = useAction();
  const save = async (change: EscalationChange, saved: string): Promise<boolean> => {
    const updated = await action.run(() => client.change(escalation, change, by));
    if (updated) onSaved(updated, saved);
    return updated !== undefined;
  };
  return { save, pending: action.pending, error: action.error };
}
