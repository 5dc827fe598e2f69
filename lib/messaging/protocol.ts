import type { $ZodType, output } from 'zod/v4/core';
import * as z from '../schema/zod';

/**
 * Typed, validated messages between the extension's own contexts. Each message
 * is declared once, with the schema of its request and its reply and the kinds
 * of sender allowed to send it; the router refuses anything else. Schemas may
 * be zod or zod/mini (the content script uses mini to stay small).
 */

/** Where a message came from, decided from the browser's sender record, never from the message. */
export type SenderKind = 'extension-page' | 'content-script';

export interface MessageDefinition<Request extends $ZodType, Reply extends $ZodType> {
  type: string;
  request: Request;
  reply: Reply;
  from: readonly SenderKind[];
}

export function defineMessage<Request extends $ZodType, Reply extends $ZodType>(
  type: string,
  definition: Omit<MessageDefinition<Request, Reply>, 'type'>,
): MessageDefinition<Request, Reply> {
  return { type, ...definition };
}

export type RequestOf<Definition> =
  Definition extends MessageDefinition<infer Request, $ZodType> ? output<Request> : never;
export type ReplyOf<Definition> =
  Definition extends MessageDefinition<$ZodType, infer Reply> ? output<Reply> : never;

export const envelopeSchema = z.object({ type: z.string(), payload: z.unknown() });
export type Envelope = z.infer<typeof envelopeSchema>;

export const messageErrorCodes = ['forbidden', 'invalid-message', 'invalid-reply', 'failed'] as const;
export type MessageErrorCode = (typeof messageErrorCodes)[number];

export const failureSchema = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string(), message: z.string() }),
});
export type Failure = z.infer<typeof failureSchema>;

export type Outcome<Value> = { ok: true; value: Value } | Failure;

/** A refusal the handler wants the sender to read (a stale edit, an illegal move). */
export class MessageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

/** Readable problems from a failed parse: "payload.text: expected string". */
export function describeProblems(error: z.core.$ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`)
    .join('; ');
}
