export { CallerStack, DEFAULT_CALLEE_TIMEOUT_SECONDS, DEFAULT_CALLER_TIMEOUT_SECONDS, type CallerStackProps } from './caller-stack';
export { chooseStateBackend, DEFAULT_LOCAL_STATE_DIR, type StateBackendChoice } from './state-backend';
export { workspaceBundleDir } from './bundle-dirs';
