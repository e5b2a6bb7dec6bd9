/**
 * The schema file that travels with a reference CSV: which columns are features, target,
 * prediction and per-class probabilities, and which model produced the predictions.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ConfigError } from './datasets-config.js';

const referenceSchema = z.object({
  features: z.array(z.string().min(1)).min(1),
  target: z.string().min(1).nullable().optional(),
  prediction: z.string().min(1),
  probabilities: z.record(z.string(), z.string()).default({}),
  classLabels: z.array(z.string().min(1)).default([]),
  modelVersion: z.string().min(1),
  /** Column of the group (person, session) each reference row comes from. */
  group: z.string().min(1).optional(),
  /** Numerical columns monitored for drift that are not model inputs. */
  monitored: z.array(z.string().min(1)).default([]),
});

export type ReferenceSchema = z.infer<typeof referenceSchema>;

export async function loadReferenceSchema(path: string): Promise<ReferenceSchema> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read reference schema ${path}: ${(error as Error).message}`);
  }
  return parseReferenceSchema(text, path);
}

/** A reference schema from its JSON text; ConfigError names `path` and the first bad field. */
export function parseReferenceSchema(text: string, path: string): ReferenceSchema {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`cannot read reference schema ${path}: ${(error as Error).message}`);
  }
  const result = referenceSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(
      `${path}: ${(issue?.path ?? []).join('.') || '(top level)'}: ${issue?.message}`,
    );
  }
  return result.data;
}
