import { SCENARIOS } from './catalogue.js';

/** `--list-scenarios`: one block per scenario, what it changes and what should notice. */
export function listScenarios(): string {
  const blocks = SCENARIOS.map(
    (s) => `${s.name}\n  changes:   ${s.changes}\n  caught by: ${s.caughtBy}`,
  );
  return `${blocks.join('\n\n')}\n\nSyntax: --scenario NAME[@START[+RAMP]], e.g. sensor-bias@2m+1m or concept@300w\n`;
}
