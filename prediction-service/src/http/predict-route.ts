import { OutboxFullError } from '../forward/outbox.js';
import type { Metrics } from '../metrics/metrics.js';
import type { PreparedBatch } from '../predict/prepare-batch.js';
import type { Predictor } from '../predict/predictor.js';
import { HttpError } from '@driftwatch/core/http/http-error';
import { apiError } from '../errors/api-error.js';
import type { WithBody } from './json-body.js';
import { type Step, sendJson } from './steps.js';

export interface PredictRouteDeps {
  /** Parses, checks and featurizes a JSON body; throws HttpError for bad input. */
  prepare: (body: Buffer) => Promise<PreparedBatch>;
  predict: Predictor;
  /** Durably stores the batch's events; resolves once they are safe on disk. */
  storeEvents: (events: readonly string[]) => Promise<void>;
  metrics: Metrics;
}

/**
 * POST /predict. Answers only after the window events are in the outbox, so nothing answered is
 * lost; nothing is stored for a request that fails validation.
 */
export function predictRoute(deps: PredictRouteDeps): Step {
  const answer = async (req: WithBody): Promise<unknown> => {
    if (!Buffer.isBuffer(req.body)) {
      throw apiError('unsupported_media_type', 'send the body as application/json');
    }
    const batch = await deps.prepare(req.body).catch((error: unknown) => {
      if (error instanceof HttpError) throw error;
      throw apiError('internal', `cannot prepare the request: ${(error as Error).message}`);
    });
    const { predictions, events } = await deps.predict(batch).catch((error: unknown) => {
      if (error instanceof HttpError) throw error;
      throw apiError('model_failed', `inference failed: ${(error as Error).message}`);
    });
    await deps.storeEvents(events).catch((error: unknown) => {
      if (error instanceof OutboxFullError) {
        deps.metrics.forwardEvents.inc({ outcome: 'rejected' }, events.length);
        throw apiError('outbox_full', 'the forwarding outbox is full; retry later', {
          retryAfterSeconds: 1,
        });
      }
      throw apiError('outbox_unavailable', `cannot store events: ${(error as Error).message}`);
    });
    for (const p of predictions) deps.metrics.windows.inc({ class: p.label });
    const first = predictions[0]!;
    return batch.single ? { prediction: first.label, predictions } : { predictions };
  };
  return (req, res, next) => {
    // A throw while answering goes to the error answer too, not to an unhandled rejection.
    answer(req)
      .then((body) => sendJson(res, 200, body))
      .catch(next);
  };
}
