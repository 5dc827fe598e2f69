import { useEffect, useState } from 'react';
import type { DashboardList } from '@/lib/alerts/dashboard';

/** Follows the popup's list (lib/alerts followDashboardList, wired by the entrypoint). */
export type FollowDashboardList = (show: (list: DashboardList) => void) => () => void;

/** The popup's list, kept up to date as the background keeps a new one; undefined until first read. */
export function useDashboardList(follow: FollowDashboardList): DashboardList | undefined {
  const [list, setList] = useState<DashboardList>();
  useEffect(() => follow(setList), [follow]);
  return list;
}
