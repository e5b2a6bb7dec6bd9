import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PROMETHEUS_DIR, readYaml } from './repo-paths.js';

const ruleSchema = z.object({
  alert: z.string().optional(),
  record: z.string().optional(),
  expr: z.string(),
  for: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
});
const ruleFileSchema = z.object({
  groups: z.array(z.object({ name: z.string(), rules: z.array(ruleSchema) })),
});

export type Rule = z.infer<typeof ruleSchema>;

/** Paths, relative to the repository root, of the rule files Prometheus loads (rules/*.yml). */
export function ruleFilePaths(): string[] {
  return readdirSync(join(PROMETHEUS_DIR, 'rules'))
    .filter((name) => name.endsWith('.yml'))
    .sort()
    .map((name) => join('prometheus', 'rules', name));
}

/** Every rule of every rule file, in file and group order. */
export function allRules(): Rule[] {
  return ruleFilePaths().flatMap((path) =>
    ruleFileSchema.parse(readYaml(path)).groups.flatMap((group) => group.rules),
  );
}

/** Names of the recording rules, which dashboards and alerts may read like catalogue metrics. */
export function recordedNames(): Set<string> {
  return new Set(allRules().flatMap((rule) => (rule.record === undefined ? [] : [rule.record])));
}
