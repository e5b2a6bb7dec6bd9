import { z } from 'zod';
import type { ModelCard } from '@driftwatch/core/contract/model-card';

const name = z.string().min(1);

/** The model-card fields the service relies on; other fields of the card pass through. */
export const modelCardSchema = z.looseObject({
  schemaVersion: z.literal(1),
  modelVersion: name,
  modelFile: name,
  modelSha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256'),
  featureNames: z.array(name).min(1),
  classLabels: z.array(name).min(2),
  inputName: name,
  outputs: z.object({ label: name, probabilities: name }),
  window: z.looseObject({
    lengthSamples: z.number().int().positive(),
    sampleRateHz: z.number().positive(),
  }),
});

/** The part of a ModelCard that loading checks; a full card satisfies it. */
export type ServedModelCard = Pick<
  ModelCard,
  | 'modelVersion'
  | 'modelFile'
  | 'modelSha256'
  | 'featureNames'
  | 'classLabels'
  | 'inputName'
  | 'outputs'
  | 'window'
>;
