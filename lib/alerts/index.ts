export { type AlarmsApi, ensurePeriodicAlarm } from './alarms';
export { startDeadlineAlerts } from './background';
export { type DashboardList, type DashboardRow, dashboardRowsAt } from './dashboard';
export { dashboardListOf } from './dashboard-list';
export { followDashboardList } from './dashboard-store';
export {
  BADGE_AMBER,
  BADGE_RED,
  type Badge,
  badgeFor,
  type EscalationAlert,
  nextAlertChange,
  notificationKey,
  planNotifications,
} from './deadline-alerts';
export { byUrgency, type DashboardFilter, filterFromQuery, inFilter } from './filters';
export {
  type ActionApi,
  DEADLINE_ALARM,
  DeadlineAlertService,
  type NotificationsApi,
  SAFETY_ALARM,
  SAFETY_PERIOD_MINUTES,
} from './service';
