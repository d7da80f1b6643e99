import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type ErrorRequestHandler, type Request, type Response, Router } from 'express';
import type { FindingsResponse, GraphResponse, ServiceDetail } from '../../shared/api.ts';
import { describeWorkload } from '../core/describe-workload.ts';
import { InputError, NotFoundError, NotReadyError } from './errors.ts';
import type { Snapshot, SnapshotStore } from './snapshot-store.ts';

export interface AppDeps {
  store: SnapshotStore;
  /** Folder of the built web app (index.html); when absent the API still works. */
  webRoot?: string;
  log?: (entry: { severity: string; message: string; [k: string]: unknown }) => void;
}

const RESOURCE_NAME = /^projects\/[^/]+\/locations\/[^/]+\/(services|jobs)\/[^/]+$/;

/** The HTTP app: thin routes over the latest snapshot. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use('/api', apiRouter(deps.store));
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
  app.use(errorHandler(deps.log));
  return app;
}

function apiRouter(store: SnapshotStore): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  const ready = (): Snapshot => {
    const snapshot = store.current();
    if (!snapshot) throw new NotReadyError('the first snapshot is still being collected; see /api/status');
    return snapshot;
  };

  router.get('/status', (_req, res) => {
    res.json(store.status());
  });
  router.post('/refresh', (_req, res) => {
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

const STATUS: Record<string, number> = { invalid_input: 400, not_found: 404, snapshot_pending: 503 };

/** Maps domain errors to HTTP once; anything else is a 500 without a stack trace. */
function errorHandler(log: AppDeps['log']): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (error instanceof InputError || error instanceof NotFoundError || error instanceof NotReadyError) {
      res.status(STATUS[error.code] ?? 500).json({ error: { code: error.code, message: error.message } });
      return;
    }
    // body-parser and friends set status/type on their errors (e.g. 413 entity.too.large).
    const status =
      typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) {
      log?.({
        severity: 'ERROR',
        message: `unhandled error on ${req.method} ${req.path}`,
        error: String(error?.stack ?? error),
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
