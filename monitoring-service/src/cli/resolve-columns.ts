import type { ColumnRoles } from '@driftwatch/core/drift/table-from-records';
import { CliInputError } from './cli-input-error.js';

export const DEFAULT_TARGET = 'label';
export const DEFAULT_PREDICTION = 'prediction';

/** A parsed file's name (for messages) and its columns. */
export interface ColumnSource {
  name: string;
  columns: readonly string[];
}

export interface ColumnRequest {
  target: string | undefined;
  prediction: string | undefined;
  features: readonly string[] | undefined;
  /** Names to try when target/prediction are not given (default "label" and "prediction"). */
  defaultTarget?: string | undefined;
  defaultPrediction?: string | undefined;
}

/**
 * Decides which columns both files are read with (docs/contracts.md, Drift CLI): target and
 * prediction default to "label" and "prediction" (or the request's defaults) and are dropped when
 * either file lacks them, but an explicitly named one must be in both files; every other column is
 * a numerical feature unless features are named, and then both files must have the same feature
 * columns.
 *
 * Throws CliInputError naming the file and the column that is missing, extra or in two roles.
 */
export function resolveColumns(
  reference: ColumnSource,
  current: ColumnSource,
  request: ColumnRequest,
): ColumnRoles {
  const targetName = request.target ?? request.defaultTarget ?? DEFAULT_TARGET;
  const predictionName = request.prediction ?? request.defaultPrediction ?? DEFAULT_PREDICTION;
  if (targetName === predictionName) {
    throw new CliInputError(`"${targetName}" cannot be both the target and the prediction column`);
  }
  const target = roleColumn(
    targetName,
    request.target !== undefined,
    '--target',
    reference,
    current,
  );
  const prediction = roleColumn(
    predictionName,
    request.prediction !== undefined,
    '--prediction',
    reference,
    current,
  );
  const roleNames = new Set([targetName, predictionName]);
  const features = request.features
    ? namedFeatures(request.features, roleNames, reference, current)
    : sharedFeatures(roleNames, reference, current);
  return { features, target, prediction };
}

function roleColumn(
  name: string,
  explicit: boolean,
  option: string,
  ...sources: ColumnSource[]
): string | null {
  const lacking = sources.find((source) => !source.columns.includes(name));
  if (lacking === undefined) return name;
  if (explicit) throw new CliInputError(`${lacking.name} has no column "${name}" (${option})`);
  return null;
}

function namedFeatures(
  names: readonly string[],
  roleNames: ReadonlySet<string>,
  ...sources: ColumnSource[]
): string[] {
  for (const name of names) {
    if (roleNames.has(name)) {
      throw new CliInputError(`--features names "${name}", the target or prediction column`);
    }
    const lacking = sources.find((source) => !source.columns.includes(name));
    if (lacking) throw new CliInputError(`${lacking.name} has no column "${name}" (--features)`);
  }
  return [...names];
}

function sharedFeatures(
  roleNames: ReadonlySet<string>,
  reference: ColumnSource,
  current: ColumnSource,
): string[] {
  const featuresOf = (source: ColumnSource) => source.columns.filter((c) => !roleNames.has(c));
  const referenceFeatures = featuresOf(reference);
  const currentFeatures = featuresOf(current);
  const missing = referenceFeatures.filter((c) => !currentFeatures.includes(c));
  const extra = currentFeatures.filter((c) => !referenceFeatures.includes(c));
  if (missing.length > 0 || extra.length > 0) {
    const parts = [
      missing.length > 0 ? `${current.name} lacks ${quoted(missing)}` : '',
      extra.length > 0 ? `${reference.name} lacks ${quoted(extra)}` : '',
    ].filter((part) => part !== '');
    throw new CliInputError(`the files have different feature columns: ${parts.join('; ')}`);
  }
  return referenceFeatures;
}

function quoted(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}
