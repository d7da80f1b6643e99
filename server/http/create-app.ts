import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type ErrorRequestHandler, type Request, type Response, Router } from 'express';
import type { FindingsResponse, GraphResponse, ServiceDetail } from '../../shared/api.ts';
import type { Session } from '../../shared/session.ts';
import { describeWorkload } from '../core/describe-workload.ts';
import type { ObservabilityService } from '../observe/observability-service.ts';
import { ForbiddenError, KeysUnavailableError, UnauthenticatedError } from '../security/auth-errors.ts';
import { accessRouter } from './access-router.ts';
import { InputError, NotFoundError, NotReadyError, UpstreamError } from './errors.ts';
import { type AuthGate, iapGate, requestIdentity } from './iap-gate.ts';
import { noStore } from './no-store.ts';
import { observabilityRouter } from './observability-router.ts';
import { securityHeaders } from './security-headers.ts';
import { readySnapshot, type Snapshot, type SnapshotStore } from './snapshot-store.ts';
import { traceFields } from './trace-context.ts';

export interface AppDeps {
  store: SnapshotStore;
  /** Folder of the built web app (index.html); when absent the API still works. */
  webRoot?: string;
  log?: (entry: { severity: string; message: string; [k: string]: unknown }) => void;
  /** The IAP gate; `local` (no gate) when absent. */
  auth?: AuthGate;
  /** Project of the trace field in request log lines (GOOGLE_CLOUD_PROJECT). */
  projectId?: string;
  /** Signals, errors, traces and live traffic, read on demand; those routes are absent without it. */
  observability?: ObservabilityService;
}

/** Requests carry no bodies worth more than this (POST /api/refresh has none). */
const MAX_BODY = '16kb';
const MAX_URL_LENGTH = 8_192;

const RESOURCE_NAME = /^projects\/[^/]+\/locations\/[^/]+\/(services|jobs)\/[^/]+$/;

/** The HTTP app: thin routes over the latest snapshot. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(securityHeaders());
  app.use((req, res, next) => {
    if (req.originalUrl.length > MAX_URL_LENGTH) {
      res.status(414).json({
        error: { code: 'uri_too_long', message: `URLs are limited to ${MAX_URL_LENGTH} characters` },
      });
      return;
    }
    next();
  });

  // Cloud Run's probes do not pass through IAP: /healthz is the one route outside the gate.
  app.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  });
  const auth = deps.auth ?? { mode: 'local' };
  app.use(iapGate(auth));
  app.use(express.raw({ type: () => true, limit: MAX_BODY }));
  app.get('/api/session', (_req, res: Response<Session>) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      mode: auth.mode,
      email: requestIdentity(res.locals)?.email ?? null,
      authDisabled: auth.mode !== 'iap',
    });
  });
  app.use('/api', apiRouter(deps.store));
  app.use('/api', accessRouter(deps.store));
  if (deps.observability) app.use('/api', observabilityRouter(deps.store, deps.observability));
  app.use('/api', (req) => {
    throw new NotFoundError(`no API route ${req.method} ${req.path}`);
  });

  if (deps.webRoot && existsSync(path.join(deps.webRoot, 'index.html'))) {
    const webRoot = deps.webRoot;
    app.use(express.static(webRoot, { index: false, maxAge: '1h' }));
    // Client-side routes (/map, /findings, …) all load the app shell.
    app.get(/^\/(?!api\/|assets\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(webRoot, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => {
      res
        .status(503)
        .type('text/plain')
        .send('The runmap web app is not built. Run `npm run build`, then restart; the API is under /api.');
    });
  }

  app.use((req) => {
    throw new NotFoundError(`nothing at ${req.method} ${req.path}`);
  });
  app.use(errorHandler(deps));
  return app;
}

function apiRouter(store: SnapshotStore): Router {
  const router = Router();
  router.use(noStore);
  const ready = (): Snapshot => readySnapshot(store);

  router.get('/status', (_req, res) => {
    res.json(store.status());
  });
  router.post('/refresh', (req, res) => {
    // A page on another site must not make a signed-in browser start collections (CSRF).
    if (req.get('sec-fetch-site') === 'cross-site') {
      throw new ForbiddenError('refresh is only accepted from runmap itself, not from another site');
    }
    void store.refresh();
    res.status(202).json(store.status());
  });
  router.get('/graph', (_req, res: Response<GraphResponse>) => {
    const { analysis, collectedAt } = ready();
    res.json({ snapshotAt: collectedAt, ...analysis.graph });
  });
  router.get('/findings', (_req, res: Response<FindingsResponse>) => {
    const { analysis, collectedAt } = ready();
    res.json({ snapshotAt: collectedAt, findings: analysis.findings });
  });
  router.get('/services/:name', (req: Request<{ name: string }>, res: Response<ServiceDetail>) => {
    const name = req.params.name;
    if (!RESOURCE_NAME.test(name)) {
      throw new InputError(
        `"${name.slice(0, 200)}" is not a full resource name: expected projects/P/locations/L/services/S (or jobs/J), URL-encoded as one path segment`,
      );
    }
    const { analysis, collectedAt } = ready();
    const detail = describeWorkload(analysis, name);
    if (!detail) throw new NotFoundError(`no service or job named ${name} in the snapshot of ${collectedAt}`);
    res.json({ snapshotAt: collectedAt, ...detail });
  });
  return router;
}

const STATUS: Record<string, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  snapshot_pending: 503,
  upstream_failed: 502,
  auth_unavailable: 503,
};

const DOMAIN_ERRORS = [
  InputError,
  NotFoundError,
  NotReadyError,
  UpstreamError,
  UnauthenticatedError,
  ForbiddenError,
  KeysUnavailableError,
];

/** Maps domain errors to HTTP once; anything else is a 500 without a stack trace. */
function errorHandler({ log, projectId }: AppDeps): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const trace = () =>
      traceFields(
        { cloudTrace: req.get('x-cloud-trace-context'), traceparent: req.get('traceparent') },
        projectId,
      );
    if (DOMAIN_ERRORS.some((type) => error instanceof type)) {
      const { code, message } = error as { code: string; message: string };
      const status = STATUS[code] ?? 500;
      if (status === 401 || status === 403 || code === 'auth_unavailable') {
        // Denials are security events: logged with the reason, never with the token.
        log?.({
          severity: code === 'auth_unavailable' ? 'ERROR' : 'WARNING',
          message: `denied ${req.method} ${req.path.slice(0, 200)}: ${message}`,
          httpRequest: { requestMethod: req.method, requestUrl: req.originalUrl.slice(0, 500), status },
          ...trace(),
        });
      }
      res.status(status).json({ error: { code, message } });
      return;
    }
    // body-parser and friends set status/type on their errors (e.g. 413 entity.too.large).
    const status =
      typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) {
      log?.({
        severity: 'ERROR',
        message: `unhandled error on ${req.method} ${req.path.slice(0, 200)}`,
        error: String(error?.stack ?? error),
        ...trace(),
      });
    }
    res.status(status).json({
      error: {
        code: status === 500 ? 'internal' : String(error?.type ?? 'bad_request'),
        message:
          status === 500 ? 'internal error; see the server log' : String(error?.message ?? 'bad request'),
      },
    });
  };
}
