/**
 * @lambda-keepalive/test-kit — test-only helpers shared by the packages' specs: an Invoke test server, a
 * fake Lambda context, a recording logger, the kernel socket-timer and socket-option readers, a built-bundle
 * runner, a built-script runner and a privilege gate. Never a dependency of production code.
 */
export { type BundleFixture, type BundleRun, useBundleFixture } from './bundle-fixture';
export { createFakeLambdaContext, type FakeLambdaContextOptions } from './fake-lambda-context';
export {
  holdNextAnswer,
  type LambdaTestServer,
  type Respond,
  type SeenInvocation,
  sendJson,
  sendServiceError,
  startLambdaTestServer,
  testCertificate,
  testClientConfig,
} from './lambda-test-server';
export { setKeepAliveTakesIntervalAndCount, tlsConnectForwardsKeepAlive } from './node-features';
export { type PrivilegeCheck, type PrivilegeGate, privilegeGate, skipReasonOf } from './privilege-gate';
export { createRecordingLogger, type LogLevel, type RecordedLine, type RecordingLogger } from './recording-logger';
export { assertBuilt, runScript, type ScriptRun } from './run-script';
export {
  DEBIAN_PYTHON,
  readSocketKeepAlive,
  type SocketKeepAliveOptions,
  socketOptionsUnavailableReason,
} from './socket-options';
export { parseTimer, readTcpTimer, type TcpTimer, tcpTimerUnavailableReason } from './tcp-timer';
