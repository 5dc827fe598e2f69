export { type AlarmsApi, ensurePeriodicAlarm } from './alarms';
