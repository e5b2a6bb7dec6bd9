import { BALANCED_CLASS_MIX, type ClassMix } from './class-mix.js';
import { type CutOptions, cutWindows, type SimulatedWindow } from './cut-windows.js';
import { createPerson } from './person.js';
import { deriveSeed } from '../random/prng.js';
import type { SensorDriftInput } from './sensor-drift.js';
import { SAMPLE_RATE_HZ, simulateSession } from './simulate-session.js';

export interface PopulationOptions extends CutOptions {
  readonly seed: number;
  /** Number of people, each drawn from the seed. */
  readonly people: number;
  /** Exactly this many windows per person (sessions are added until there are enough)… */
  readonly windowsPerPerson?: number;
  /** …or one session of this many seconds per person, all its windows. Give exactly one. */
  readonly sessionSeconds?: number;
  /** Group weights of the sessions; default BALANCED_CLASS_MIX, which oversamples rare groups. */
  readonly classMix?: ClassMix;
  readonly drift?: SensorDriftInput;
}

/** A window of a population: which person, and when in their recording it starts. */
export interface PopulationWindow extends SimulatedWindow {
  readonly personId: string;
  /** Index of the person's session the window comes from (0, 1, …). */
  readonly session: number;
}

const SESSION_GAP_S = 60;

function checkOptions(o: PopulationOptions): void {
  if (!Number.isInteger(o.people) || o.people < 1) {
    throw new RangeError(
      `simulatePopulation requires a positive integer number of people, got ${o.people}`,
    );
  }
  if ((o.windowsPerPerson === undefined) === (o.sessionSeconds === undefined)) {
    throw new RangeError(
      'simulatePopulation requires exactly one of windowsPerPerson and sessionSeconds',
    );
  }
  if (
    o.windowsPerPerson !== undefined &&
    !(Number.isInteger(o.windowsPerPerson) && o.windowsPerPerson > 0)
  ) {
    throw new RangeError(
      `simulatePopulation requires a positive integer windowsPerPerson, got ${o.windowsPerPerson}`,
    );
  }
}

/**
 * Labelled windows of `people` simulated people (ids `<seed>-<index>`), each recorded in sessions
 * composed from the class mix and cut with `length`/`hop` (default 151/75). With
 * `windowsPerPerson`, sessions of the length that should yield them are simulated until there
 * are enough, and the first `windowsPerPerson` are kept; `startTimeS` runs on across sessions
 * with a minute between them. Deterministic in the options. O(total samples); 15 000 windows at
 * hop 75 take a few seconds. Throws RangeError for bad counts, cut options, mix or drift.
 */
export function simulatePopulation(options: PopulationOptions): PopulationWindow[] {
  checkOptions(options);
  const cut = { length: options.length ?? 151, hop: options.hop ?? 75 };
  const windows: PopulationWindow[] = [];
  for (let index = 0; index < options.people; index++) {
    const personSeed = deriveSeed(options.seed, 'person', index);
    const person = createPerson(personSeed, `${options.seed >>> 0}-${index}`);
    const wanted = options.windowsPerPerson ?? Number.POSITIVE_INFINITY;
    const durationS =
      options.sessionSeconds ?? ((wanted - 1) * cut.hop + cut.length) / SAMPLE_RATE_HZ + 5;
    let offsetS = 0;
    let count = 0;
    for (let session = 0; count < wanted; session++) {
      const stream = simulateSession(person, {
        seed: deriveSeed(personSeed, 'session', session),
        durationS,
        classMix: options.classMix ?? BALANCED_CLASS_MIX,
        ...(options.drift ? { drift: options.drift } : {}),
      });
      for (const w of cutWindows(stream, cut).slice(0, wanted - count)) {
        windows.push({ ...w, startTimeS: w.startTimeS + offsetS, personId: person.id, session });
        count++;
      }
      offsetS += stream.segmentOfSample.length / SAMPLE_RATE_HZ + SESSION_GAP_S;
      if (options.sessionSeconds !== undefined) break;
    }
  }
  return windows;
}
