import type { Child } from './schema';

/**
 * How a child is named on screen: by the case-record system's reference, and
 * by display name only where the user has opted in (screens are overlooked).
 */
export function childLabel(child: Child, showNames: boolean): string {
  const reference = `${child.system} ${child.recordId}`;
  return showNames && child.displayName ? `${child.displayName} (${reference})` : reference;
}
