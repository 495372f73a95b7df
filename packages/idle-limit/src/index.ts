/** @lambda-keepalive/idle-limit — the probe grid and the interval its answers bound (for the caller and the lab). */
export {
  calleeSeconds,
  describeIdleLimit,
  type IdleLimit,
  type IdleLimitFinding,
  idleLimitFrom,
  idleLimitWidth,
  type ProbeAnswer,
  type ProbeOutcome,
} from './idle-limit';
export {
  gridBetween,
  gridDurations,
  type ProbeGrid,
  type ProbeGridLimits,
  type ProbeGridProblem,
  probeGridProblem,
} from './probe-grid';
