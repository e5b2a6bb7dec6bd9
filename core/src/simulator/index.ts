export {
  ACTIVITY_GROUPS,
  ACTIVITY_NAMES,
  type ActivityName,
  CLASS_LABELS,
  type ClassLabel,
  GROUP_NAMES,
  type GroupName,
  groupOf,
  TRANSITION,
} from './activity-groups.js';
export { BALANCED_CLASS_MIX, type ClassMix, NATURAL_CLASS_MIX } from './class-mix.js';
export { type CutOptions, cutWindows, type SimulatedWindow } from './cut-windows.js';
export { createPerson, type Person } from './person.js';
export type { Mat3, Vec3 } from './rotation.js';
export {
  type EulerDegrees,
  resolveDrift,
  type SensorDrift,
  type SensorDriftInput,
} from './sensor-drift.js';
export { SENSOR_SIGNALS, type SensorSignals } from './sensor-model.js';
export type { PlannedSegment } from './session-plan.js';
export {
  type PopulationOptions,
  type PopulationWindow,
  simulatePopulation,
} from './simulate-population.js';
export {
  measureSession,
  motionCovers,
  SAMPLE_RATE_HZ,
  type SessionMotion,
  type SimulatedStream,
  type SimulationOptions,
  simulateMotion,
  simulateSession,
  type StreamSegment,
} from './simulate-session.js';
