export {
  CALLEE_TIMEOUT_ALLOWANCE_MS,
  CALLER_TIMEOUT_ALLOWANCE_MS,
  DEFAULT_SCALE,
  LAB_MAX_FUNCTION_TIMEOUT_SECONDS,
  MIN_NAT_HEADROOM_SECONDS,
  REAL_SECONDS,
  SDK_DELAYED_KEEPALIVE_SECONDS,
  resolveTimeScale,
  toLabSeconds,
  toRealSeconds,
} from './time-scale';
export type { TimeScale } from './time-scale';
