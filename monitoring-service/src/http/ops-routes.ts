/**
 * Operational routes: the Alertmanager webhook, Prometheus scrape and health probes. Only the
 * webhook needs the token; scraping and probes stay open.
 */
import { Router } from 'express';
import type { RequestHandler } from 'express';
import type { Registry } from 'prom-client';
import type { Ingestor } from '../datasets/ingestor.js';
import type { AlertRecord } from '../store/store.js';
import { appError } from './errors.js';
import { jsonBody, requireToken } from './middleware.js';
import { alertWebhookSchema, parseOrThrow } from './request-schemas.js';

export interface OpsRoutesDeps {
  ingestor: Ingestor;
  registry: Registry;
  authToken: string | undefined;
  maxBodyBytes: number;
  isReady: () => boolean;
  now: () => number;
  onAlert: (alert: AlertRecord) => void;
}

export function opsRoutes(deps: OpsRoutesDeps): Router {
  const router = Router();
  const postAlerts: RequestHandler = async (req, res) => {
    const body = parseOrThrow(alertWebhookSchema, req.body);
    const receivedAtMs = deps.now();
    const alerts: AlertRecord[] = body.alerts.map((a) => ({
      alertname: a.labels.alertname ?? '',
      status: a.status,
      receivedAtMs,
      labels: a.labels,
      annotations: a.annotations ?? {},
      ...(a.startsAt === undefined ? {} : { startsAt: a.startsAt }),
      ...(a.endsAt === undefined ? {} : { endsAt: a.endsAt }),
      ...(a.fingerprint === undefined ? {} : { fingerprint: a.fingerprint }),
    }));
    await deps.ingestor.ingestAlerts(alerts);
    for (const alert of alerts) deps.onAlert(alert);
    res.json({ received: alerts.length });
  };
  router.post(
    '/v1/alerts',
    requireToken(deps.authToken),
    ...jsonBody(deps.maxBodyBytes),
    postAlerts,
  );

  router.get('/metrics', async (_req, res) => {
    res.type(deps.registry.contentType).send(await deps.registry.metrics());
  });
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    if (!deps.isReady()) throw appError('not_ready');
    res.json({ status: 'ready' });
  });
  return router;
}
