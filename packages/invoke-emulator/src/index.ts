/**
 * @lambda-keepalive/invoke-emulator — the Lambda Invoke API over HTTPS, running CommonJS handler bundles in
 * worker threads. The `lambda-invoke-emulator` bin is ./cli.ts; the JSON-line protocol is in
 * docs/emulator-protocol.md.
 */
export { createServerCertificates, type ServerCertificates } from './certificate-authority';
export { EmulatorError, InvalidEmulatorInputError } from './emulator-errors';
export type { EmulatedFunction } from './function-registry';
export type { EmulatorEvent } from './invocation-runner';
export { type EmulatorConfig, type RunningEmulator, startInvokeEmulator } from './invoke-emulator';
