/** The stacks' public entry: CallerStack and its defaults, the bundle locator, the state backend choice. */
export { workspaceBundleDir } from './bundle-dirs';
export {
  CallerStack,
  type CallerStackProps,
  DEFAULT_CALLEE_TIMEOUT_SECONDS,
  DEFAULT_CALLER_TIMEOUT_SECONDS,
} from './caller-stack';
export { chooseStateBackend, DEFAULT_LOCAL_STATE_DIR, type StateBackendChoice } from './state-backend';
