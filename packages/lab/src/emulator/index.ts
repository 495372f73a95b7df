export { createLabCertificates, type LabCertificates } from './certificate-authority';
export type { EmulatedFunction } from './function-registry';
export type { EmulatorEvent } from './invocation-runner';
export { startInvokeEmulator, type EmulatorConfig, type RunningEmulator } from './invoke-emulator';
export { LambdaServiceError } from './service-errors';
