import type { Child } from './schema';

/**
 * How a child is named on screen: by their record, and by display name only
 * where the user has opted in (screens are overlooked).
 */
export function childLabel(child: Pick<Child, 'displayName' | 'recordId'>, showNames: boolean): string {
  return showNames && child.displayName ? child.displayName : `Record ${child.recordId}`;
}
