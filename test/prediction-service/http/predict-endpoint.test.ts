import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPredictFastLane } from '../../../prediction-service/src/http/predict-endpoint.js';
import { type FakeMonitoring, startFakeMonitoring } from '../helpers/fake-monitoring.js';
import { startTestService, type TestService } from '../helpers/test-service.js';
import { seedWindow } from '../helpers/windows.js';

describe('withPredictFastLane', () => {
  const answeredBy =
    (name: string) =>
    (_req: IncomingMessage, res: ServerResponse): void => {
      res.end(name);
    };
  const listener = withPredictFastLane(answeredBy('endpoint'), answeredBy('app'));

  it.each([
    ['POST', '/predict', 'endpoint'],
    ['POST', '/predict?debug=1', 'endpoint'],
    ['GET', '/predict', 'app'],
    ['POST', '/predict/', 'app'],
    ['POST', '/PREDICT', 'app'],
    ['POST', '/predictions', 'app'],
    ['POST', '/predicts?x', 'app'],
    ['GET', '/healthz', 'app'],
  ])('%s %s goes to the %s', async (method, path, expected) => {
    const res = await request(listener)[method === 'GET' ? 'get' : 'post'](path);
    expect(res.text).toBe(expected);
  });
});

describe('POST /predict through express and through the fast lane', () => {
  let monitoring: FakeMonitoring;
  let service: TestService;

  beforeAll(async () => {
    monitoring = await startFakeMonitoring();
    service = await startTestService({ monitoringUrl: monitoring.url });
  });

  afterAll(async () => {
    await service.close();
    await monitoring.close();
  });

  const send = (target: RequestListener, path: string, body: string | object, type?: string) => {
    const req = request(target).post(path);
    if (type) req.set('content-type', type);
    return req.send(body);
  };

  it.each([
    ['a window', seedWindow(), undefined],
    ['malformed JSON', '{"signals":', 'application/json'],
    ['a body that is not JSON', 'hello', 'text/plain'],
    ['JSON in another charset', '{}', 'application/json; charset=latin1'],
    ['an empty window list', { windows: [] }, undefined],
  ])('answers %s the same way', async (_name, body, type) => {
    const viaExpress = await send(service.app, '/predict', body, type);
    const viaFastLane = await send(service.http, '/predict', body, type);
    expect(viaFastLane.status).toBe(viaExpress.status);
    expect(viaFastLane.headers['content-type']).toBe(viaExpress.headers['content-type']);
    const withoutIds = (b: { predictions?: { windowId: string }[] }) => ({
      ...b,
      predictions: b.predictions?.map(({ windowId: _id, ...rest }) => rest),
    });
    expect(withoutIds(viaFastLane.body)).toEqual(withoutIds(viaExpress.body));
  });

  it('serves other spellings of the path through express, with the same endpoint', async () => {
    const res = await send(service.http, '/PREDICT', seedWindow({ windowId: 'w-upper' }));
    expect(res.status).toBe(200);
    expect(res.body.predictions[0].windowId).toBe('w-upper');
  });
});
