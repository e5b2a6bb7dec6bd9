/**
 * What the evaluation needs from the shipped Prometheus rules: each alert's `for:` duration and
 * the thresholds the recording rules hold as constants (`record: driftwatch:… expr: vector(N)`).
 * Read from prometheus/rules/*.yml at start, so the evaluation decides with the numbers the
 * stack ships, and fails naming the rule when one it relies on is missing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface ShippedRules {
  /** `for:` of each alert, seconds (0 when the rule has none). */
  forSeconds: Record<string, number>;
  /** Value of each constant recording rule, by record name. */
  constants: Record<string, number>;
  /** Each alert's expression, for the conditions that read a literal out of it. */
  expressions: Record<string, string>;
}

interface RuleGroupFile {
  groups?: { rules?: { alert?: string; record?: string; expr?: string; for?: string }[] }[];
}

/** Prometheus durations as rules use them: `30s`, `1m`, `2m30s`, `1h`. */
export function durationSeconds(text: string): number {
  const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };
  let total = 0;
  let rest = text.trim();
  while (rest.length > 0) {
    const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)/.exec(rest);
    if (!match) throw new Error(`cannot read the rule duration "${text}"`);
    total += Number(match[1]) * units[match[2]!]!;
    rest = rest.slice(match[0].length);
  }
  return total;
}

export function readShippedRules(rulesDir: string): ShippedRules {
  const rules: ShippedRules = { forSeconds: {}, constants: {}, expressions: {} };
  for (const file of readdirSync(rulesDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const doc = parse(readFileSync(join(rulesDir, file), 'utf8')) as RuleGroupFile;
    for (const rule of (doc.groups ?? []).flatMap((g) => g.rules ?? [])) {
      const expr = (rule.expr ?? '').trim();
      if (rule.alert) {
        rules.forSeconds[rule.alert] = rule.for ? durationSeconds(rule.for) : 0;
        rules.expressions[rule.alert] = expr;
      }
      const constant = /^vector\((-?\d+(?:\.\d+)?)\)$/.exec(expr);
      if (rule.record && constant) rules.constants[rule.record] = Number(constant[1]);
    }
  }
  return rules;
}

/** A constant recording rule's value; throws naming it when the rules do not define it. */
export function constantOf(rules: ShippedRules, record: string): number {
  const value = rules.constants[record];
  if (value === undefined) throw new Error(`the shipped rules define no constant ${record}`);
  return value;
}
