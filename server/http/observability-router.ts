import { type Request, type Response, Router } from 'express';
import type { Workload } from '../../shared/inventory.ts';
import {
  type ErrorsResponse,
  type FollowResponse,
  type SignalsResponse,
  type TimeRange,
  type TraceResponse,
  type TracesResponse,
  type TrafficResponse,
  timeRangeSchema,
} from '../../shared/observability.ts';
import type { ObservabilityService } from '../observe/observability-service.ts';
import { TraceNotFoundError, TraceUnavailableError } from '../observe/traces.ts';
import { InputError, NotFoundError, UpstreamError } from './errors.ts';
import { noStore } from './no-store.ts';
import { readySnapshot, type Snapshot, type SnapshotStore } from './snapshot-store.ts';

const SERVICE_NAME =
  /^projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]\/locations\/[a-z]+-[a-z]+\d+\/services\/[a-z][a-z0-9-]{0,62}$/;
const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const TRACE_ID = /^[0-9a-f]{32}$/i;

/**
 * The SRE's routes (mounted under /api), answered on demand from Logging, Monitoring and Trace with
 * a short cache; a failing API degrades the answer with `failures`, never fails it.
 *
 * - GET /traffic?range=                   → TrafficResponse (observed edges + node health)
 * - GET /services/:name/signals?range=    → SignalsResponse
 * - GET /services/:name/errors?range=     → ErrorsResponse
 * - GET /services/:name/traces?range=     → TracesResponse
 * - GET /services/:name/follow?range=     → FollowResponse
 * - GET /traces/:project/:traceId         → TraceResponse (404 when no project holds it)
 *
 * `range` is 1h (the default), 6h, 24h or 7d; `:name` is a service's full resource name URL-encoded
 * as one path segment.
 */
export function observabilityRouter(store: SnapshotStore, service: ObservabilityService): Router {
  const router = Router();
  router.use(noStore);
  const ready = (): Snapshot => readySnapshot(store);
  const rangeOf = (req: Request): TimeRange => {
    const raw = req.query.range;
    if (raw === undefined) return '1h';
    const parsed = timeRangeSchema.safeParse(raw);
    if (!parsed.success) {
      throw new InputError(
        `range must be one of ${timeRangeSchema.options.join(', ')}, got ${JSON.stringify(String(raw).slice(0, 50))}`,
      );
    }
    return parsed.data;
  };
  const serviceOf = (name: string, snapshot: Snapshot): Workload => {
    if (!SERVICE_NAME.test(name)) {
      throw new InputError(
        `"${name.slice(0, 200)}" is not a service's full resource name: expected projects/P/locations/L/services/S, URL-encoded as one path segment`,
      );
    }
    const workload = snapshot.analysis.inventory.workloads.find(
      (w) => w.name === name && w.kind === 'service',
    );
    if (!workload)
      throw new NotFoundError(`no service named ${name} in the snapshot of ${snapshot.collectedAt}`);
    return workload;
  };
  const perService =
    <T>(read: (snapshot: Snapshot, workload: Workload, range: TimeRange) => Promise<T>) =>
    async (req: Request<{ name: string }>, res: Response<T>) => {
      const range = rangeOf(req);
      const snapshot = ready();
      res.json(await read(snapshot, serviceOf(req.params.name, snapshot), range));
    };

  router.get('/traffic', async (req, res: Response<TrafficResponse>) => {
    const range = rangeOf(req);
    res.json(await service.traffic(ready().analysis.inventory, range));
  });
  router.get(
    '/services/:name/signals',
    perService<SignalsResponse>((s, w, range) => service.signals(s.analysis.inventory, w, range)),
  );
  router.get(
    '/services/:name/errors',
    perService<ErrorsResponse>((s, w, range) => service.errors(s.analysis.inventory, w, range)),
  );
  router.get(
    '/services/:name/traces',
    perService<TracesResponse>((s, w, range) => service.traces(s.analysis.inventory, w, range)),
  );
  router.get(
    '/services/:name/follow',
    perService<FollowResponse>((s, w, range) => service.follow(s.analysis.inventory, w, range)),
  );
  router.get(
    '/traces/:project/:traceId',
    async (req: Request<{ project: string; traceId: string }>, res: Response<TraceResponse>) => {
      const { project, traceId } = req.params;
      if (!PROJECT_ID.test(project)) {
        throw new InputError(`"${project.slice(0, 100)}" is not a Google Cloud project ID`);
      }
      if (!TRACE_ID.test(traceId)) {
        throw new InputError(`"${traceId.slice(0, 100)}" is not a trace ID: expected 32 hexadecimal digits`);
      }
      const snapshot = ready();
      const { inventory } = snapshot.analysis;
      if (!inventory.projects.some((p) => p.projectId === project)) {
        throw new NotFoundError(`project ${project} is not in the estate`);
      }
      try {
        res.json(await service.trace(inventory, project, traceId.toLowerCase()));
      } catch (error) {
        if (error instanceof TraceNotFoundError) throw new NotFoundError(error.message);
        if (error instanceof TraceUnavailableError) throw new UpstreamError(error.message);
        throw error;
      }
    },
  );
  return router;
}
