import { describe, expect, it } from 'vitest';
import { resolveColumns } from '../../../monitoring-service/src/cli/resolve-columns.js';

const source = (name: string, columns: string[]) => ({ name, columns });
const both = ['x', 'y', 'label', 'prediction'];
const none = { target: undefined, prediction: undefined, features: undefined };

describe('resolveColumns', () => {
  it('uses label and prediction by default and every other column as a feature', () => {
    expect(resolveColumns(source('r', both), source('c', both), none)).toEqual({
      features: ['x', 'y'],
      target: 'label',
      prediction: 'prediction',
    });
  });

  it('drops a default role column either file lacks, without making it a feature', () => {
    const roles = resolveColumns(source('r', both), source('c', ['y', 'x', 'prediction']), none);
    expect(roles).toEqual({ features: ['x', 'y'], target: null, prediction: 'prediction' });
  });

  it('takes explicit role names and named features, ignoring other columns', () => {
    const columns = ['x', 'y', 'truth', 'pred', 'proba_a'];
    const roles = resolveColumns(source('r', columns), source('c', columns), {
      target: 'truth',
      prediction: 'pred',
      features: ['y'],
    });
    expect(roles).toEqual({ features: ['y'], target: 'truth', prediction: 'pred' });
  });

  it('rejects one column in two roles', () => {
    expect(() =>
      resolveColumns(source('r', both), source('c', both), { ...none, target: 'prediction' }),
    ).toThrow('"prediction" cannot be both the target and the prediction column');
    expect(() =>
      resolveColumns(source('r', both), source('c', both), { ...none, features: ['x', 'label'] }),
    ).toThrow('--features names "label", the target or prediction column');
  });
});
