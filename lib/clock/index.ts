export { type Clock, sessionOffsetClock, systemClock } from './clock';
export { clockForBuild } from './for-build';
