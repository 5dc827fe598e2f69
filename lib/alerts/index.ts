export { type AlarmsApi, ensurePeriodicAlarm } from './alarms';
export { startDeadlineAlerts } from './background';
export { type DashboardRow, dashboardRows } from './dashboard';
export {
  BADGE_AMBER,
  BADGE_RED,
  type Badge,
  badgeFor,
  byUrgency,
  type EscalationAlert,
  escalationAlerts,
  nextAlertChange,
  notificationKey,
  planNotifications,
} from './deadline-alerts';
export {
  type ActionApi,
  DEADLINE_ALARM,
  DeadlineAlertService,
  type NotificationsApi,
  SAFETY_ALARM,
  SAFETY_PERIOD_MINUTES,
} from './service';
