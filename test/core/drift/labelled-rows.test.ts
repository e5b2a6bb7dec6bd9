import { describe, expect, it } from 'vitest';
import { knownTargets, labelledRows } from '../../../core/src/drift/labelled-rows.js';

const table = {
  rowCount: 3,
  features: {},
  prediction: ['a', 'b', 'c'],
  target: ['a', null, 'b'],
};

describe('labelledRows', () => {
  it('pairs the rows that have a known target with their predictions', () => {
    expect(labelledRows(table)).toEqual({ truth: ['a', 'b'], predicted: ['a', 'c'] });
  });

  it('is null without a target column, a prediction column or any known target', () => {
    expect(labelledRows({ ...table, target: undefined })).toBeNull();
    expect(labelledRows({ ...table, prediction: undefined })).toBeNull();
    expect(labelledRows({ ...table, target: [null, null, null] })).toBeNull();
  });
});

describe('knownTargets', () => {
  it('drops unknown targets and is null without a target column', () => {
    expect(knownTargets(table)).toEqual(['a', 'b']);
    expect(knownTargets({ ...table, target: undefined })).toBeNull();
  });
});
