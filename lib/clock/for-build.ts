import { type Clock, sessionOffsetClock, systemClock } from './clock';

type SessionArea = Parameters<typeof sessionOffsetClock>[0];

/**
 * The clock for this build: real time in production; in test and development
 * builds, real time moved by the offset a test keeps in `storage.session`.
 * Vite replaces `import.meta.env.MODE` when building, so the production bundle
 * keeps only the first branch and carries no way to move its clock.
 */
export function clockForBuild(
  session: SessionArea | undefined,
  onMove?: () => void,
): { clock: Clock; ready: Promise<void> } {
  if (import.meta.env.MODE === 'production' || !session)
    return { clock: systemClock, ready: Promise.resolve() };
  const clock = sessionOffsetClock(session, onMove);
  return { clock, ready: clock.ready };
}
