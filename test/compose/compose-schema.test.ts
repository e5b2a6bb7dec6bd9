import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../prometheus/repo-paths.js';
import { interpolate, REQUIRED_SAMPLE, rawComposeText } from './compose-file.js';

const SCHEMA_PATH = join(REPO_ROOT, 'test', 'fixtures', 'compose', 'compose-spec.json');

function composeValidator() {
  // The schema uses `type: [a, b]` unions throughout, as JSON Schema allows.
  const ajv = new Ajv2019({ allErrors: true, allowUnionTypes: true });
  // The schema still names subschemas with draft-04 `id`, which Ajv refuses by default; here it is
  // only an annotation ($ref uses JSON pointers), so accept it as such.
  ajv.removeKeyword('id');
  ajv.addKeyword('id');
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  // Port and subnet syntax is compose's to parse; the schema only tags these strings.
  for (const format of ['ports', 'expose', 'subnet_ip_address']) ajv.addFormat(format, true);
  // The file names draft 2019-09 by its old http URI, which Ajv2019 knows by https only.
  const { $schema: _dialect, ...schema } = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
  return ajv.compile(schema);
}

const validate = composeValidator();

function errorsOf(document: unknown): string[] {
  return validate(document)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('docker-compose.yml against the Compose Specification schema', () => {
  it('is valid as written', () => {
    expect(errorsOf(parse(rawComposeText(), { merge: true }))).toEqual([]);
  });

  it('is valid with every variable at its default and the required ones set', () => {
    const text = interpolate(rawComposeText(), REQUIRED_SAMPLE);
    expect(errorsOf(parse(text, { merge: true }))).toEqual([]);
  });

  it('refuses to start without the MongoDB credentials', () => {
    expect(() => interpolate(rawComposeText(), {})).toThrow(/MONGO_ROOT_USERNAME/);
    const noPassword = { ...REQUIRED_SAMPLE, MONGO_ROOT_PASSWORD: '' };
    expect(() => interpolate(rawComposeText(), noPassword)).toThrow(/MONGO_ROOT_PASSWORD/);
  });

  it('rejects a compose file with an unknown dependency condition or service key', () => {
    const broken = {
      services: {
        app: { image: 'app:1', depends_on: { db: { condition: 'service_ready' } } },
        db: { image: 'db:1', healthcheck: { interval: 'soon' }, restart_policy: 'always' },
      },
    };
    expect(errorsOf(broken).length).toBeGreaterThanOrEqual(3);
  });
});
