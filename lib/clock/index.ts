export { type Clock, sessionOffsetClock, systemClock, TEST_CLOCK_KEY } from './clock';
export { clockForBuild } from './for-build';
