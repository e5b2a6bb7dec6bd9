/**
 * The datasets file (YAML or JSON, path from DATASETS_CONFIG): which datasets are monitored, with
 * which reference, windows, schedule and thresholds. Reference paths are relative to the file.
 * Any invalid value stops the service with a message naming the field.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const datasetName = z
  .string()
  .regex(
    /^[a-z][a-z0-9_-]{0,62}$/,
    'must be lower-case letters, digits, _ or -, starting with a letter',
  );

const datasetEntry = z.strictObject({
  name: datasetName,
  reference: z.strictObject({ data: z.string().min(1), schema: z.string().min(1) }),
  /** Overrides of the reference schema's columns. */
  features: z.array(z.string().min(1)).min(1).optional(),
  /** Monitored-only columns (not model inputs); `[]` tests none. */
  monitored: z.array(z.string().min(1)).optional(),
  prediction: z.string().min(1).optional(),
  target: z.string().min(1).nullable().optional(),
  probabilities: z.record(z.string(), z.string()).optional(),
  windowSizeEvents: z.int().min(1).max(1_000_000).default(500),
  minWindowEvents: z.int().min(1).default(50),
  schedule: z.string().min(1).default('*/10 * * * * *'),
  alpha: z.number().gt(0).lt(1).default(0.05),
  driftShare: z.number().gt(0).max(1).default(0.5),
  benjaminiHochberg: z.boolean().default(false),
});

const datasetsFile = z.strictObject({
  datasets: z
    .array(datasetEntry)
    .min(1)
    .refine(
      (list) => new Set(list.map((d) => d.name)).size === list.length,
      'dataset names must be unique',
    ),
});

export type DatasetEntry = z.infer<typeof datasetEntry>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the datasets file; reference paths come back absolute. */
export async function loadDatasetsConfig(path: string): Promise<DatasetEntry[]> {
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    throw new ConfigError(`cannot read DATASETS_CONFIG ${path}: ${(error as Error).message}`);
  });
  return parseDatasetsConfig(text, path);
}

export function parseDatasetsConfig(text: string, path: string): DatasetEntry[] {
  let raw: unknown;
  try {
    raw = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ConfigError(
      `${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message}`,
    );
  }
  const result = datasetsFile.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = (issue?.path ?? [])
      .map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`))
      .join('');
    throw new ConfigError(
      `${path}: ${field.replace(/^\./, '') || '(top level)'}: ${issue?.message}`,
    );
  }
  const base = dirname(resolve(path));
  return result.data.datasets.map((entry, i) => {
    if (entry.minWindowEvents > entry.windowSizeEvents) {
      throw new ConfigError(`${path}: datasets[${i}].minWindowEvents exceeds windowSizeEvents`);
    }
    return {
      ...entry,
      reference: {
        data: resolve(base, entry.reference.data),
        schema: resolve(base, entry.reference.schema),
      },
    };
  });
}
