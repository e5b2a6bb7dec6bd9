import { BALANCED_CLASS_MIX, type ClassMix } from './class-mix.js';
import { type CutOptions, cutWindows, type SimulatedWindow } from './cut-windows.js';
import { createPerson, type Person } from './person.js';
import { deriveSeed } from '../random/prng.js';
import type { SensorDriftInput } from './sensor-drift.js';
import {
  SAMPLE_RATE_HZ,
  type SimulatedStream,
  type SimulationOptions,
  simulateSession,
} from './simulate-session.js';

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
  /**
   * Which windows to return, by their index among all the windows the population gives (0, 1, …
   * in order; a pure function); only their samples are rendered, each window exactly as a whole
   * simulation gives it. Default: every window.
   */
  readonly keep?: (index: number) => boolean;
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

/** How many windows a stream of `samples` samples is cut into. */
function windowCount(samples: number, cut: { length: number; hop: number }): number {
  return samples < cut.length ? 0 : Math.floor((samples - cut.length) / cut.hop) + 1;
}

/**
 * The session, rendered only around the windows `keep` keeps when given (`first`: the index in
 * the population of the session's first window). The plan fixes the session's length before
 * anything is rendered; should the stream come out with another number of windows than its
 * duration gives, it is simulated whole.
 */
function simulateKept(
  person: Person,
  options: SimulationOptions & { durationS: number },
  cut: { length: number; hop: number },
  first: number,
  keep: ((index: number) => boolean) | undefined,
): SimulatedStream {
  if (keep === undefined) return simulateSession(person, options);
  const expected = windowCount(Math.round(options.durationS * SAMPLE_RATE_HZ), cut);
  const needed: [number, number][] = [];
  for (let w = 0; w < expected; w++) {
    if (keep(first + w)) needed.push([w * cut.hop, w * cut.hop + cut.length]);
  }
  const stream = simulateSession(person, { ...options, neededSamples: needed });
  if (windowCount(stream.segmentOfSample.length, cut) === expected) return stream;
  return simulateSession(person, options);
}

/**
 * Labelled windows of `people` simulated people (ids `<seed>-<index>`), each recorded in sessions
 * composed from the class mix and cut with `length`/`hop` (default 151/75). With
 * `windowsPerPerson`, sessions of the length that should yield them are simulated until there
 * are enough, and the first `windowsPerPerson` are kept; `startTimeS` runs on across sessions
 * with a minute between them. With `keep`, only the windows it keeps are simulated and returned.
 * Deterministic in the options. O(total samples); 15 000 windows at hop 75 take a few seconds.
 * Throws RangeError for bad counts, cut options, mix or drift.
 */
export function simulatePopulation(options: PopulationOptions): PopulationWindow[] {
  checkOptions(options);
  const cut = { length: options.length ?? 151, hop: options.hop ?? 75 };
  const windows: PopulationWindow[] = [];
  /** Windows of the population so far, kept or not: the index `keep` is asked about. */
  let total = 0;
  for (let index = 0; index < options.people; index++) {
    const personSeed = deriveSeed(options.seed, 'person', index);
    const person = createPerson(personSeed, `${options.seed >>> 0}-${index}`);
    const wanted = options.windowsPerPerson ?? Number.POSITIVE_INFINITY;
    const durationS =
      options.sessionSeconds ?? ((wanted - 1) * cut.hop + cut.length) / SAMPLE_RATE_HZ + 5;
    let offsetS = 0;
    let count = 0;
    for (let session = 0; count < wanted; session++) {
      const sessionOptions = {
        seed: deriveSeed(personSeed, 'session', session),
        durationS,
        classMix: options.classMix ?? BALANCED_CLASS_MIX,
        ...(options.drift ? { drift: options.drift } : {}),
      };
      const stream = simulateKept(person, sessionOptions, cut, total, options.keep);
      const first = total;
      const kept = (k: number) => options.keep?.(first + k) ?? true;
      const cutHere = cutWindows(stream, { ...cut, wanted: kept }).slice(0, wanted - count);
      cutHere.forEach((w, k) => {
        if (kept(k)) {
          windows.push({ ...w, startTimeS: w.startTimeS + offsetS, personId: person.id, session });
        }
      });
      total += cutHere.length;
      count += cutHere.length;
      offsetS += stream.segmentOfSample.length / SAMPLE_RATE_HZ + SESSION_GAP_S;
      if (options.sessionSeconds !== undefined) break;
    }
  }
  return windows;
}
