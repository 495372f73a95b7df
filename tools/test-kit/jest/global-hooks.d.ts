/** Types of the jest global hooks (global-setup.js, global-teardown.js), for configs written in TypeScript. */
declare const hook: () => void;
export = hook;
