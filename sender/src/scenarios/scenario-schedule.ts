/**
 * `--scenario NAME[@START[+RAMP]]`: when each scenario begins and how long it takes to develop.
 * START and RAMP are simulated durations (`90s`, `2m`) or window counts (`200`, `200w`); a
 * scenario without START is active from the first window, without RAMP it is abrupt.
 */
import { OptionError } from '../option-values/option-error.js';
import { type Position, parsePosition } from '../option-values/parse-duration.js';
import { findScenario, SCENARIOS, type Scenario } from './catalogue.js';
import { baselineEffect, type ScenarioEffect } from './scenario-effect.js';

export interface ScheduledScenario {
  readonly scenario: Scenario;
  readonly start: Position;
  readonly ramp: Position | undefined;
  /** As given on the command line, for the progress line and the summary. */
  readonly text: string;
}

/** Where a window sits in the run: its index and its start in simulated seconds. */
export interface RunPosition {
  readonly index: number;
  readonly seconds: number;
}

export function parseScenario(text: string): ScheduledScenario {
  const match = /^([a-z-]+)(?:@([^+]+)(?:\+(.+))?)?$/.exec(text.trim());
  const scenario = match ? findScenario(match[1]!) : undefined;
  if (!match || !scenario) {
    const names = SCENARIOS.map((s) => s.name).join(', ');
    throw new OptionError(
      '--scenario',
      `expects NAME[@START[+RAMP]] with NAME one of ${names}; got "${text}"`,
    );
  }
  const start = match[2] === undefined ? { windows: 0 } : parsePosition(match[2], '--scenario');
  const ramp = match[3] === undefined ? undefined : parsePosition(match[3], '--scenario');
  if (ramp && 'windows' in ramp !== 'windows' in start) {
    throw new OptionError(
      '--scenario',
      `START and RAMP must both be durations or both window counts in "${text}"`,
    );
  }
  return { scenario, start, ramp, text: text.trim() };
}

function along(at: RunPosition, p: Position): number {
  return 'windows' in p ? at.index - p.windows : at.seconds - p.seconds;
}

function span(p: Position): number {
  return 'windows' in p ? p.windows : p.seconds;
}

/** Intensity of `s` at `at`: 0 before START, rising linearly over RAMP, then 1. */
export function intensityAt(s: ScheduledScenario, at: RunPosition): number {
  const elapsed = along(at, s.start);
  if (elapsed < 0) return 0;
  if (!s.ramp || span(s.ramp) <= 0) return 1;
  return Math.min(1, elapsed / span(s.ramp));
}

/** The combined effect of every scenario at `at`, and the names of those active there. */
export function effectAt(
  schedule: readonly ScheduledScenario[],
  at: RunPosition,
): { effect: ScenarioEffect; active: string[] } {
  const effect = baselineEffect();
  const active: string[] = [];
  for (const s of schedule) {
    const t = intensityAt(s, at);
    if (t <= 0) continue;
    s.scenario.apply(effect, t);
    if (s.scenario.name !== 'none') {
      active.push(t < 1 ? `${s.scenario.name} ${Math.round(t * 100)}%` : s.scenario.name);
    }
  }
  return { effect, active };
}
