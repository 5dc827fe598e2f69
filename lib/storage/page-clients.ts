import type { Escalation, EscalationChange, Person, StartEscalationInput } from '../escalation';
import { sendMessage, type Transport } from '../messaging';
import type { SaveSettings } from '../settings';
import { changeEscalationMessage, saveSettingsMessage, startEscalationMessage } from './messages';

/**
 * The writes a page asks the background for, apart from the rest of
 * ./client (backups, deleting everything) so the panel loads only these.
 */

/** How a page starts and changes escalations: always through the background, never by writing storage. */
export interface EscalationClient {
  start(input: StartEscalationInput, by: Person): Promise<Escalation>;
  /**
   * Applies a change to the revision the page is showing. A MessageError with
   * code 'stale-revision' means another tab saved first: reload and redo.
   */
  change(escalation: Escalation, change: EscalationChange, by: Person): Promise<Escalation>;
}

export function createEscalationClient(transport: Transport): EscalationClient {
  return {
    start: async (input, by) =>
      (await sendMessage(transport, startEscalationMessage, { input, by })).escalation,
    change: async (escalation, change, by) =>
      (
        await sendMessage(transport, changeEscalationMessage, {
          id: escalation.id,
          expectedRevision: escalation.revision,
          change,
          by,
        })
      ).escalation,
  };
}

/** Saves what the user changed; `reset` puts settings back to the organisation's or the release's value. */
export const saveSettingsVia =
  (transport: Transport): SaveSettings =>
  async (changes, reset = []) =>
    (await sendMessage(transport, saveSettingsMessage, { changes, reset })).settings;
