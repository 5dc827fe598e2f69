import type { MessageDefinition, Outcome, ReplyOf, RequestOf } from '@/lib/messaging';

/**
 * The content script's end of the typed messages in ./page-messages, without
 * zod (zod/mini alone would take the content script past its 10 KB budget).
 * Validation happens where trust is needed: the background parses every
 * request from here and every reply it gets back. This end accepts messages
 * only from our own extension's pages and background, and replies in the
 * router's `Outcome` shape so the background's `sendMessage` can parse them.
 */

// biome-ignore lint/suspicious/noExplicitAny: any message definition, whatever its schemas.
type AnyDefinition = MessageDefinition<any, any>;

/** The parts of the native `browser.runtime` the channel uses (a fake in unit tests). */
export interface PageRuntime {
  id: string;
  getURL(path: string): string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(listener: PageListener): void;
    removeListener(listener: PageListener): void;
  };
}

type PageListener = (
  message: unknown,
  sender: { id?: string; url?: string },
  sendResponse: (response: unknown) => void,
) => boolean | undefined;

/** Asks the background; resolves with its reply or rejects with its refusal. */
export async function ask<Definition extends AnyDefinition>(
  runtime: PageRuntime,
  type: string,
  request: RequestOf<Definition>,
): Promise<ReplyOf<Definition>> {
  const answer = (await runtime.sendMessage({ type, payload: request })) as
    | Outcome<ReplyOf<Definition>>
    | undefined;
  if (answer?.ok) return answer.value;
  throw new Error(answer?.error.message ?? 'The extension did not answer.');
}

export type PageHandlers = Record<string, (payload: unknown) => unknown>;

/** Answers the background's messages by type; returns the function that stops listening. */
export function answerExtension(runtime: PageRuntime, handlers: PageHandlers): () => void {
  const origin = runtime.getURL('/');
  const listener: PageListener = (message, sender, sendResponse) => {
    if (sender.id !== runtime.id || !sender.url?.startsWith(origin)) return undefined;
    const { type, payload } = (message ?? {}) as { type?: unknown; payload?: unknown };
    const handle = typeof type === 'string' && Object.hasOwn(handlers, type) ? handlers[type] : undefined;
    if (!handle) return undefined;
    Promise.resolve()
      .then(() => handle(payload ?? {}))
      .then(
        (value) => sendResponse({ ok: true, value }),
        (error: unknown) =>
          sendResponse({ ok: false, error: { code: 'failed', message: String((error as Error)?.message) } }),
      );
    // Native Chrome answers asynchronously only when the listener returns true.
    return true;
  };
  runtime.onMessage.addListener(listener);
  return () => runtime.onMessage.removeListener(listener);
}
