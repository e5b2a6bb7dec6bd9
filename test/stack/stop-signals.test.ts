import { describe, expect, it } from 'vitest';
import { StopSignals } from '../../stack/src/stop-signals.js';

describe('StopSignals', () => {
  it('stops on the first signal and ignores the copies forwarded within the echo window', () => {
    const clock = { ms: 5000 };
    const signals = new StopSignals(() => clock.ms, 1000);
    expect(signals.receive()).toBe('stop');
    clock.ms += 3;
    expect(signals.receive()).toBe('echo');
    clock.ms += 996;
    expect(signals.receive()).toBe('echo');
  });

  it('kills on a signal that comes after the echo window', () => {
    const clock = { ms: 0 };
    const signals = new StopSignals(() => clock.ms, 1000);
    signals.receive();
    clock.ms = 1000;
    expect(signals.receive()).toBe('kill');
  });
});
