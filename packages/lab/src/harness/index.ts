/** The lab harness: the clients and their drivers, the session (network + emulator), one call, the time scale. */
export type { CellResult } from './cell-result';
export {
  CLIENT_DESCRIPTIONS,
  calleeFunctionName,
  cellLabel,
  describeRuntime,
  isLabClient,
  LAB_CLIENTS,
  LAB_PATHS,
  type LabCell,
  type LabClient,
  type LabPath,
} from './clients';
export {
  COMMAND_PLACEHOLDERS,
  type CommandClient,
  parseCommandClient,
  parseCommandClientList,
  resolveProgram,
} from './command-client';
export { commandClientInvocation, LAB_REGION } from './command-invocation';
export { driverCommandFor, inheritedEnv, LAB_CREDENTIALS } from './driver-command';
export { DRIVER_RESULT_KEY, type DriverOutcome, parseDriverResult } from './drivers/driver-result';
export { createLambdaLikeContext, type LambdaLikeContext, runLikeLambda } from './drivers/lambda-like-run';
export type { EmulatorLine, EmulatorProcess } from './emulator-process';
export {
  type KeepaliveSettings,
  type KeepaliveTimingBounds,
  keepaliveTimingBounds,
  LIBUV_PROBES,
  readKernelHz,
  shippedClientKeepAlive,
} from './keepalive-timers';
export {
  DEFAULT_KERNEL_PROFILE,
  KERNEL_PROFILE_DESCRIPTIONS,
  KERNEL_PROFILES,
  type KernelProfileName,
  kernelProfileSettings,
  LINUX_DEFAULT_KEEPALIVE,
} from './kernel-profiles';
export {
  BOTO3_CLIENT_DECLARATIONS,
  BOTO3_CLIENT_DESCRIPTIONS,
  BOTO3_CLIENTS,
  type Boto3Client,
  PYTHON_EXECUTABLE,
} from './python-clients';
export { type CellHost, KILL_MARGIN_MS, runCell } from './run-cell';
export { type LabSession, openLabSession } from './session';
export {
  DEFAULT_SCALE,
  REAL_SECONDS,
  resolveTimeScale,
  SDK_DELAYED_KEEPALIVE_SECONDS,
  type TimeScale,
  toLabSeconds,
  withNatIdle,
} from './time-scale';
export { runVpcProcess, type VpcProcessEnd, type VpcSpawner } from './vpc-process';
