import { readFileSync } from 'node:fs';
import { ConfigError } from '../datasets/datasets-config.js';
import { parseReferenceSchema, type ReferenceSchema } from '../datasets/reference-schema.js';
import { CliInputError } from './cli-input-error.js';

/**
 * Reads the drift CLI's --schema file: a reference schema JSON, validated as the monitoring
 * service validates it. Throws CliInputError naming the file when it is unreadable or invalid.
 */
export function readSchema(path: string): ReferenceSchema {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliInputError(`cannot read --schema ${path}: ${(error as Error).message}`);
  }
  try {
    return parseReferenceSchema(text, path);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliInputError(`--schema ${error.message}`);
    throw error;
  }
}
