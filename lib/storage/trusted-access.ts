/** `storage.local` where the browser lets an extension close it to content scripts (Chrome 140+). */
interface RestrictableArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}

/**
 * Keeps escalation data out of content scripts, which run inside the host
 * page's process. Firefox has no such setting for `storage.local`; there our
 * content script simply never reads it.
 */
export async function restrictToTrustedContexts(area: RestrictableArea): Promise<boolean> {
  if (typeof area.setAccessLevel !== 'function') return false;
  await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  return true;
}
