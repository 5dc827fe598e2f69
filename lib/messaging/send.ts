import type { $ZodType, input, output } from 'zod/v4/core';
import * as z from '../schema/zod';
import {
  describeProblems,
  type Envelope,
  failureSchema,
  type MessageDefinition,
  MessageError,
} from './protocol';

const acceptedSchema = z.object({ ok: z.literal(true), value: z.unknown() });

/** How a message leaves this context: `browser.runtime.sendMessage` or `browser.tabs.sendMessage` bound to a tab. */
export type Transport = (envelope: Envelope) => Promise<unknown>;

/**
 * Sends a typed message and returns its parsed reply; a refusal or a reply of
 * the wrong shape throws a MessageError the UI can show as it is.
 */
export async function sendMessage<Request extends $ZodType, Reply extends $ZodType>(
  transport: Transport,
  definition: MessageDefinition<Request, Reply>,
  // The sender writes the input shape; the receiver parses it, filling defaults.
  request: input<Request>,
): Promise<output<Reply>> {
  const answer: unknown = await transport({ type: definition.type, payload: request });
  const refused = z.safeParse(failureSchema, answer);
  if (refused.success) throw new MessageError(refused.data.error.code, refused.data.error.message);
  const accepted = z.safeParse(acceptedSchema, answer);
  if (!accepted.success) throw new MessageError('invalid-reply', 'the extension gave no answer');
  const reply = z.safeParse(definition.reply, accepted.data.value);
  if (!reply.success) throw new MessageError('invalid-reply', describeProblems(reply.error));
  return reply.data;
}
