import { describe, expect, it } from 'vitest';
import { AlertTracker } from './alert-tracker.js';

describe('AlertTracker', () => {
  it('fires once the condition has held for the for: duration, and resolves when it stops', () => {
    const tracker = new AlertTracker(60);
    const holding = [20, 30, 40, 50, 60, 70, 80, 90];
    for (let t = 10; t <= 120; t += 10) tracker.evaluate(t, holding.includes(t) ? [''] : []);
    // Active from 20 s: firing from 80 s (60 s later), resolved at 100 s.
    expect(tracker.episodes).toEqual([{ startS: 80, endS: 100, instances: new Set(['']) }]);
  });

  it('starts the for: duration again when the condition lapses once', () => {
    const tracker = new AlertTracker(30);
    for (const [t, on] of [
      [10, true],
      [20, true],
      [30, false],
      [40, true],
      [50, true],
      [60, true],
    ] as const) {
      tracker.evaluate(t, on ? ['x'] : []);
    }
    expect(tracker.episodes).toEqual([]);
    tracker.evaluate(70, ['x']);
    expect(tracker.episodes).toEqual([{ startS: 70, endS: undefined, instances: new Set(['x']) }]);
  });

  it('counts one episode while any instance fires, naming every instance that did', () => {
    const tracker = new AlertTracker(0);
    tracker.evaluate(10, ['a']);
    tracker.evaluate(20, ['b']);
    tracker.evaluate(30, []);
    tracker.evaluate(40, ['a']);
    expect(tracker.episodes).toEqual([
      { startS: 10, endS: 30, instances: new Set(['a', 'b']) },
      { startS: 40, endS: undefined, instances: new Set(['a']) },
    ]);
  });
});
