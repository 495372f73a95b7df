/** The fault matrix (`pnpm lab faults`) and the fault primitives the bench's detection item reuses. */
export { type FaultMark, forgetFlows, startBlackhole, waitForExecutionStart } from './injection';
export type { RowPhysics } from './rows';
export { type FaultsRunOptions, rowPhysics, runFaults } from './run';
