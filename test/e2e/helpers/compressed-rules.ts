/**
 * Copies of the repository's rule files with every alert's `for:` shortened, so the end-to-end
 * test sees alerts fire within seconds instead of minutes. Expressions and thresholds are kept.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { PROMETHEUS_DIR } from '../../../stack/src/repo-paths.js';

interface RuleFile {
  groups: { name: string; rules: { alert?: string; for?: string }[] }[];
}

/** Seconds of a Prometheus duration such as `30s`, `1m`, `2m`, `5m`. */
function seconds(duration: string): number {
  const match = /^(\d+)(s|m|h)$/.exec(duration);
  if (!match) throw new Error(`unexpected duration in a rule's for: ${duration}`);
  return Number(match[1]) * { s: 1, m: 60, h: 3600 }[match[2] as 's' | 'm' | 'h'];
}

/**
 * Writes every rules/*.yml into `dir` with each `for:` divided by `factor` (at least 1 s);
 * returns the written paths.
 */
export function writeCompressedRules(dir: string, factor: number): string[] {
  const names = readdirSync(join(PROMETHEUS_DIR, 'rules')).filter((n) => n.endsWith('.yml'));
  return names.map((name) => {
    const file = parse(readFileSync(join(PROMETHEUS_DIR, 'rules', name), 'utf8')) as RuleFile;
    for (const rule of file.groups.flatMap((g) => g.rules)) {
      if (rule.for !== undefined) {
        rule.for = `${Math.max(1, Math.round(seconds(rule.for) / factor))}s`;
      }
    }
    const path = join(dir, name);
    writeFileSync(path, stringify(file));
    return path;
  });
}
