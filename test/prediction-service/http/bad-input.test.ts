import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeMonitoring, startFakeMonitoring } from '../helpers/fake-monitoring.js';
import { startTestService, type TestService } from '../helpers/test-service.js';
import { seedSamples, seedWindow } from '../helpers/windows.js';

function withSignal(name: string, values: unknown[], extra: Record<string, unknown> = {}) {
  const window = seedWindow(extra);
  return { ...window, signals: { ...window.signals, [name]: values } };
}

const good = seedWindow();
const samplesMissingGyro = seedSamples().map((s, i) => {
  if (i !== 3) return s;
  const { gyro_x: _dropped, ...rest } = s;
  return rest;
});
const badValue: unknown[] = [...good.signals.gyro_x];
badValue[17] = 'x';

interface BadCase {
  name: string;
  body: unknown;
  status: number;
  code: string;
  window?: object;
  field?: string;
}

const cases: BadCase[] = [
  {
    name: 'a label outside the model classes (one rule with monitoring)',
    body: { windows: [good, { ...good, windowId: 'w2', label: 'Dancing' }] },
    status: 400,
    code: 'invalid_window',
    window: { index: 1, windowId: 'w2' },
    field: 'label',
  },
  {
    name: 'a missing signal',
    body: { signals: { ...good.signals, gyro_z: undefined } },
    status: 400,
    code: 'invalid_window',
    window: { index: 0 },
    field: 'signals.gyro_z',
  },
  {
    name: 'a signal of the wrong length',
    body: withSignal('accel_y', good.signals.accel_y.slice(0, 150)),
    status: 400,
    code: 'invalid_window',
    field: 'signals.accel_y',
  },
  {
    name: 'a non-numeric sample',
    body: withSignal('gyro_x', badValue),
    status: 400,
    code: 'invalid_window',
    field: 'signals.gyro_x[17]',
  },
  {
    name: 'a null sample',
    body: withSignal('accel_z', [null, ...good.signals.accel_z.slice(1)]),
    status: 400,
    code: 'invalid_window',
    field: 'signals.accel_z[0]',
  },
  {
    name: 'one bad window in a batch',
    body: { windows: [good, withSignal('gyro_y', [], { windowId: 'bad-one' }), good] },
    status: 400,
    code: 'invalid_window',
    window: { index: 1, windowId: 'bad-one' },
    field: 'signals.gyro_y',
  },
  {
    name: 'another sample rate',
    body: seedWindow({ sampleRateHz: 100 }),
    status: 400,
    code: 'invalid_window',
    field: 'sampleRateHz',
  },
  {
    name: 'a timestamp that is not ISO-8601',
    body: seedWindow({ timestamp: 'yesterday' }),
    status: 400,
    code: 'invalid_window',
    field: 'timestamp',
  },
  {
    name: 'a sample array of the wrong length',
    body: seedSamples().slice(1),
    status: 400,
    code: 'invalid_window',
    window: { index: 0 },
  },
  {
    name: 'a sample record without gyro_x',
    body: samplesMissingGyro,
    status: 400,
    code: 'invalid_window',
    field: '[3].gyro_x',
  },
  { name: 'an empty batch', body: { windows: [] }, status: 400, code: 'invalid_body' },
  { name: 'a scalar body', body: 42, status: 400, code: 'invalid_body' },
  {
    name: 'a repeated windowId',
    body: { windows: [seedWindow({ windowId: 'a' }), seedWindow({ windowId: 'a' })] },
    status: 400,
    code: 'duplicate_window_id',
    window: { index: 1, windowId: 'a' },
  },
  {
    name: 'more windows than the batch limit',
    body: { windows: [good, good, good, good, good] },
    status: 413,
    code: 'batch_too_large',
  },
  {
    name: 'a body over the size limit',
    body: { windows: Array.from({ length: 16 }, () => good) },
    status: 413,
    code: 'body_too_large',
  },
];

// Once with the checks on the event loop and once in a featurize worker, whose errors must
// arrive as the same answers.
describe.each([0, 1])('POST /predict with bad input (%i featurize workers)', (featurizeWorkers) => {
  let monitoring: FakeMonitoring;
  let service: TestService;

  beforeAll(async () => {
    monitoring = await startFakeMonitoring();
    service = await startTestService({
      monitoringUrl: monitoring.url,
      maxBatchWindows: 4,
      maxBodyBytes: 256 * 1024,
      featurizeWorkers,
    });
  });
  afterAll(async () => {
    await service.close();
    await monitoring.close();
  });

  /** POSTs `body` to /predict as it is, with the given content type. */
  const postRaw = (body: string, type = 'application/json') =>
    request(service.http).post('/predict').set('content-type', type).send(body);

  it.each(cases)('answers $status $code for $name', async (c) => {
    const res = await postRaw(JSON.stringify(c.body));
    expect(res.status).toBe(c.status);
    expect(res.body.error.code).toBe(c.code);
    expect(res.body.error.message).toEqual(expect.any(String));
    if (c.window) expect(res.body.error.window).toEqual(c.window);
    if (c.field) expect(res.body.error.field).toBe(c.field);
    if (c.field === 'label') expect(res.body.error.message).toContain('"Dancing"');
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await postRaw('{"signals": [');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
  });

  it('answers 400 naming where the JSON breaks, and 400 for an empty body', async () => {
    const broken = await postRaw('{"signals": {"accel_x": [1, 2,, 3]}}');
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(
      /^request body is not valid JSON: Unexpected token ','/,
    );
    const empty = await postRaw('');
    expect([empty.status, empty.body.error.code]).toEqual([400, 'invalid_body']);
  });

  it('answers 415 for JSON in a charset other than UTF-8', async () => {
    const res = await postRaw(JSON.stringify(good), 'application/json; charset=latin1');
    expect(res.status).toBe(415);
    expect(res.body.error.message).toContain('latin1');
  });

  it('answers 415 for a body that is not JSON', async () => {
    const res = await postRaw('hello', 'text/plain');
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });

  it.each(['br', 'zstd', 'gzip, br'])(
    'answers 415 to content-encoding %s, naming it',
    async (enc) => {
      const res = await request(service.http)
        .post('/predict')
        .set({ 'content-type': 'application/json', 'content-encoding': enc })
        .send(JSON.stringify(good));
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe('unsupported_media_type');
      expect(res.body.error.message).toContain(enc);
    },
  );

  it('stored and forwarded nothing for any rejected request', async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(service.outbox.size).toBe(0);
    expect(monitoring.requests).toEqual([]);
  });
});
