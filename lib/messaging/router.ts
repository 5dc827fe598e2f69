import type { $ZodType } from 'zod/v4/core';
import * as z from '../schema/zod';
import {
  describeProblems,
  envelopeSchema,
  type Failure,
  type MessageDefinition,
  MessageError,
  type Outcome,
  type ReplyOf,
  type RequestOf,
  type SenderKind,
} from './protocol';

/** The parts of the browser's `runtime.MessageSender` the router trusts. */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface ExtensionIdentity {
  /** `runtime.id`. */
  id: string;
  /** The extension's own origin, e.g. `chrome-extension://abc…/`. */
  origin: string;
}

/**
 * Our own extension pages (panel, popup, options, even when framed into a host
 * page) send from the extension's origin; our content scripts send from a tab
 * with the host page's URL. Anything from another extension is refused.
 */
export function classifySender(sender: MessageSender, self: ExtensionIdentity): SenderKind | undefined {
  if (sender.id !== self.id || !sender.url) return undefined;
  if (sender.url.startsWith(self.origin)) return 'extension-page';
  if (sender.tab?.id !== undefined && /^https?:/.test(sender.url)) return 'content-script';
  return undefined;
}

export interface HandlerContext {
  sender: MessageSender;
  senderKind: SenderKind;
}

export type MessageHandler<Definition> = (
  request: RequestOf<Definition>,
  context: HandlerContext,
) => Promise<ReplyOf<Definition>> | ReplyOf<Definition>;

export interface Route {
  definition: MessageDefinition<$ZodType, $ZodType>;
  handle: (request: unknown, context: HandlerContext) => unknown;
}

export function route<Request extends $ZodType, Reply extends $ZodType>(
  definition: MessageDefinition<Request, Reply>,
  handle: MessageHandler<MessageDefinition<Request, Reply>>,
): Route {
  return { definition, handle: handle as Route['handle'] };
}

const failure = (code: string, message: string): Failure => ({ ok: false, error: { code, message } });

/**
 * One `runtime.onMessage` listener for a set of routes. It answers only the
 * message types it knows (returning undefined leaves others alone), checks the
 * sender's kind, parses the request and the reply, and turns every error into
 * a typed failure so a caller never sees a raw exception. Nothing about the
 * message's contents is logged.
 */
export function createMessageRouter(routes: readonly Route[], self: ExtensionIdentity) {
  const byType = new Map(routes.map((entry) => [entry.definition.type, entry]));
  return (message: unknown, sender: MessageSender): Promise<Outcome<unknown>> | undefined => {
    const envelope = z.safeParse(envelopeSchema, message);
    if (!envelope.success) return undefined;
    const entry = byType.get(envelope.data.type);
    if (!entry) return undefined;
    return answer(entry, envelope.data.payload, sender, self);
  };
}

async function answer(
  { definition, handle }: Route,
  payload: unknown,
  sender: MessageSender,
  self: ExtensionIdentity,
): Promise<Outcome<unknown>> {
  const senderKind = classifySender(sender, self);
  if (!senderKind || !definition.from.includes(senderKind)) {
    return failure('forbidden', `"${definition.type}" may not be sent from there`);
  }
  const request = z.safeParse(definition.request, payload);
  if (!request.success) return failure('invalid-message', describeProblems(request.error));
  try {
    const reply = z.safeParse(definition.reply, await handle(request.data, { sender, senderKind }));
    if (!reply.success) return failure('invalid-reply', describeProblems(reply.error));
    return { ok: true, value: reply.data };
  } catch (error) {
    if (error instanceof MessageError) return failure(error.code, error.message);
    return failure('failed', error instanceof Error ? error.message : 'the request failed');
  }
}
