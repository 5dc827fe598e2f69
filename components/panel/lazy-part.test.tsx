// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Deferred, lazyPart } from './lazy-part';

afterEach(cleanup);

function Greeting({ name }: { name: string }) {
  return <h2>Hello {name}</h2>;
}

/** A part whose fetch the test settles by hand. */
function controlledPart() {
  const fetches: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const part = lazyPart(
    () =>
      new Promise<typeof Greeting>((resolve, reject) =>
        fetches.push({ resolve: () => resolve(Greeting), reject }),
      ),
  );
  return { part, fetches };
}

describe('a part of the panel fetched after its first screen', () => {
  it('says “Loading…” as a status while it is fetched, then shows it', async () => {
    const { part, fetches } = controlledPart();
    render(<Deferred part={part} props={{ name: 'Sam' }} />);
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    await act(async () => fetches[0]?.resolve());
    expect(await screen.findByRole('heading', { name: 'Hello Sam' })).toBeDefined();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows at once, with no “Loading…”, once fetched beforehand', async () => {
    const { part, fetches } = controlledPart();
    const preloaded = part.preload();
    fetches[0]?.resolve();
    await preloaded;
    render(<Deferred part={part} props={{ name: 'Sam' }} />);
    expect(screen.getByRole('heading', { name: 'Hello Sam' })).toBeDefined();
    expect(screen.queryByRole('status')).toBeNull();
    expect(fetches).toHaveLength(1);
  });

  it('fetches again after a fetch failed', async () => {
    const { part, fetches } = controlledPart();
    const first = part.preload();
    fetches[0]?.reject(new Error('offline'));
    await expect(first).rejects.toThrow('offline');
    const second = part.preload();
    expect(fetches).toHaveLength(2);
    fetches[1]?.resolve();
    await expect(second).resolves.toBe(Greeting);
  });
});
