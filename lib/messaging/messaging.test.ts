import { describe, expect, it } from 'vitest';
import * as z from '../schema/zod';
import {
  classifySender,
  createMessageRouter,
  defineMessage,
  MessageError,
  type MessageSender,
  route,
  sendMessage,
} from './index';

const self = { id: 'our-extension', origin: 'chrome-extension://our-extension/' };
const panel: MessageSender = { id: self.id, url: `${self.origin}panel.html`, tab: { id: 3 }, frameId: 2 };
const contentScript: MessageSender = { id: self.id, url: 'https://records.example/child/1', tab: { id: 3 } };

const greet = defineMessage('test/greet', {
  request: z.object({ name: z.string() }),
  reply: z.object({ greeting: z.string() }),
  from: ['extension-page'],
});

const router = createMessageRouter(
  [
    route(greet, ({ name }) => {
      if (name === 'stale') throw new MessageError('stale-revision', 'Someone else changed this first.');
      if (name === 'crash') throw new Error('disk on fire');
      if (name === 'wrong') return { greeting: 42 } as unknown as { greeting: string };
      return { greeting: `Hello ${name}` };
    }),
  ],
  self,
);

describe('classifySender', () => {
  it('tells our pages, framed or not, from our content scripts', () => {
    expect(classifySender(panel, self)).toBe('extension-page');
    expect(classifySender({ id: self.id, url: `${self.origin}popup.html` }, self)).toBe('extension-page');
    expect(classifySender(contentScript, self)).toBe('content-script');
  });

  it('trusts nothing from another extension or without a URL', () => {
    expect(classifySender({ ...panel, id: 'someone-else' }, self)).toBeUndefined();
    expect(classifySender({ id: self.id }, self)).toBeUndefined();
    expect(classifySender({ id: self.id, url: 'file:///etc/passwd', tab: { id: 1 } }, self)).toBeUndefined();
  });
});

describe('createMessageRouter', () => {
  it('answers a valid request from an allowed sender', async () => {
    await expect(router({ type: 'test/greet', payload: { name: 'Sam' } }, panel)).resolves.toEqual({
      ok: true,
      value: { greeting: 'Hello Sam' },
    });
  });

  it('leaves messages it does not know to other listeners', () => {
    expect(router({ type: 'other/thing', payload: {} }, panel)).toBeUndefined();
    expect(router('not an envelope', panel)).toBeUndefined();
  });

  it('refuses a sender kind the message does not allow', async () => {
    const reply = await router({ type: 'test/greet', payload: { name: 'Sam' } }, contentScript);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a malformed request with a readable reason', async () => {
    const reply = await router({ type: 'test/greet', payload: { name: 7 } }, panel);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(reply?.ok === false && reply.error.message).toMatch(/^name: /);
  });

  it('passes a handler refusal through and wraps unexpected failures', async () => {
    await expect(router({ type: 'test/greet', payload: { name: 'stale' } }, panel)).resolves.toEqual({
      ok: false,
      error: { code: 'stale-revision', message: 'Someone else changed this first.' },
    });
    await expect(router({ type: 'test/greet', payload: { name: 'crash' } }, panel)).resolves.toMatchObject({
      ok: false,
      error: { code: 'failed' },
    });
  });

  it('never lets a reply of the wrong shape out', async () => {
    await expect(router({ type: 'test/greet', payload: { name: 'wrong' } }, panel)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-reply' },
    });
  });
});

describe('sendMessage', () => {
  const transport = async (envelope: unknown) => router(envelope, panel);

  it('returns the parsed reply', async () => {
    await expect(sendMessage(transport, greet, { name: 'Priya' })).resolves.toEqual({
      greeting: 'Hello Priya',
    });
  });

  it('throws the refusal as a MessageError', async () => {
    await expect(sendMessage(transport, greet, { name: 'stale' })).rejects.toMatchObject({
      name: 'MessageError',
      code: 'stale-revision',
    });
  });

  it('throws when nothing answered', async () => {
    await expect(sendMessage(async () => undefined, greet, { name: 'x' })).rejects.toMatchObject({
      code: 'invalid-reply',
    });
  });
});
