export {
  blackholeFor,
  forgetFlows,
  killService,
  resetServiceConnections,
  startBlackhole,
  throttleService,
  waitForExecutionStart,
  type ActiveBlackhole,
  type FaultKind,
  type FaultMark,
  type FaultNetwork,
  type FaultService,
} from './fault-injection';
