/** The sender as a library: tests and the local stack launcher run it in-process. */
export { type Clock, systemClock } from './transport/clock.js';
export { OptionError } from './option-values/option-error.js';
export { type ParsedCommand, parseCommand } from './options/parse-args.js';
export {
  DEFAULT_OPTIONS,
  type LabelMode,
  type SenderOptions,
  windowsPerSecond,
} from './options/sender-options.js';
export type { DriftStatus } from './progress/drift-status.js';
export type { Output } from './progress/progress-line.js';
export type { BatchResult, SenderDeps } from './run-context.js';
export { runSender } from './run-sender.js';
export { CONCEPT_SWAP, SCENARIOS, type Scenario } from './scenarios/catalogue.js';
export { listScenarios } from './scenarios/list-scenarios.js';
export { parseScenario } from './scenarios/scenario-schedule.js';
export type { Summary } from './summary.js';
export { UnreachableError } from './transport/check-reachable.js';
