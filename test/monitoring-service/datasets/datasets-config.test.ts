import { describe, expect, it } from 'vitest';
import { parseDatasetsConfig } from '../../../monitoring-service/src/datasets/datasets-config.js';

const minimal = `
datasets:
  - name: exercise_group
    reference: { data: ref.csv, schema: ref.schema.json }
`;

describe('parseDatasetsConfig', () => {
  it('fills the defaults and resolves reference paths against the file', () => {
    const [entry] = parseDatasetsConfig(minimal, '/etc/driftwatch/datasets.yaml');
    expect(entry).toMatchObject({
      windowSizeEvents: 500,
      minWindowEvents: 50,
      schedule: '*/10 * * * * *',
      alpha: 0.05,
      driftShare: 0.5,
      benjaminiHochberg: false,
      reference: { data: '/etc/driftwatch/ref.csv', schema: '/etc/driftwatch/ref.schema.json' },
    });
  });

  it('reads JSON as well', () => {
    const json = JSON.stringify({
      datasets: [{ name: 'a', reference: { data: 'r.csv', schema: 's.json' } }],
    });
    expect(parseDatasetsConfig(json, '/x/d.json')[0]?.name).toBe('a');
  });

  it.each([
    ['windowSizeEvents: -1', 'datasets[0].windowSizeEvents'],
    ['alpha: 2', 'datasets[0].alpha'],
    ['colour: blue', 'datasets[0]'],
    ['minWindowEvents: 600', 'datasets[0].minWindowEvents'],
  ])('names the field when %s', (line, field) => {
    expect(() => parseDatasetsConfig(`${minimal}    ${line}\n`, 'd.yaml')).toThrow(field);
  });

  it('refuses two datasets of the same name', () => {
    const twice = `${minimal}  - name: exercise_group\n    reference: { data: a, schema: b }\n`;
    expect(() => parseDatasetsConfig(twice, 'd.yaml')).toThrow(/unique/);
  });

  it('refuses a name that cannot be a path segment or label', () => {
    expect(() =>
      parseDatasetsConfig(minimal.replace('exercise_group', '../etc'), 'd.yaml'),
    ).toThrow('datasets[0].name');
  });
});
