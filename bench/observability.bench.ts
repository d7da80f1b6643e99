import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { collect } from '../server/collect/collect.ts';
import { analyze } from '../server/core/analyze.ts';
import { createApp } from '../server/http/create-app.ts';
import { SnapshotStore } from '../server/http/snapshot-store.ts';
import { GoogleObservabilityService } from '../server/observe/observability-service.ts';
import { packageRoot } from '../server/paths.ts';
import { worldSource } from '../server/sources.ts';
import { type Bench, type BenchRow, round, time } from './measure.ts';

/**
 * The SRE panels against the demo world through the fake (issue 4: a panel's first data within a
 * second, and the map never waits on Logging, Monitoring or Trace). Each endpoint is timed cold
 * (no cache: every read goes to the fake) and cached (the 30 s cache answers), with their ratio.
 */
const RUNS_COLD = 10;
const RUNS_CACHED = 50;
const seg = encodeURIComponent;
const shop = (name: string) => `projects/shop-prod/locations/europe-west1/services/${name}`;

const bench: Bench = {
  title: 'Observability panels (demo world, embedded fake)',
  async run() {
    const source = await worldSource(path.join(packageRoot(), 'server/fake-google/worlds/demo.world.json'));
    const rows: BenchRow[] = [];
    const servers: Server[] = [];
    try {
      // Collection with and without the traffic window's traces: what observed edges cost the snapshot.
      const { trace, ...withoutTrace } = source;
      const plain = await time(() => collect({ ...withoutTrace }), 5, 1);
      const traced = await time(() => collect({ ...source }), 5, 1);
      rows.push({
        name: 'collect (background snapshot)',
        figures: {
          'without traces': plain.median,
          'with 24 h traces': traced.median,
          ratio: round(traced.median / plain.median),
        },
      });

      const store = new SnapshotStore({
        source: source.description,
        projects: source.projects,
        refreshSeconds: 0,
        collect: () => collect({ ...source }),
        analyze: (inventory) => analyze(inventory),
      });
      await store.refresh();
      const now = source.trafficUntil ? { now: source.trafficUntil } : {};
      const listen = async (ttlMs: number) => {
        const observability = new GoogleObservabilityService({
          logging: source.logging,
          monitoring: source.monitoring,
          trace,
          ttlMs,
          ...now,
        });
        const server = createApp({ store, observability }).listen(0, '127.0.0.1');
        servers.push(server);
        await new Promise((resolve) => server.once('listening', resolve));
        return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      };
      const cold = await listen(0);
      const cached = await listen(30_000);
      const fetchOk = async (url: string) => {
        const res = await fetch(url);
        if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
        return res.json();
      };
      const errors = (await fetchOk(`${cold}/api/services/${seg(shop('payment'))}/errors?range=1h`)) as {
        groups: Array<{ sampleTrace: { project: string; traceId: string } | null }>;
      };
      const sample = errors.groups.find((g) => g.sampleTrace)?.sampleTrace;
      const routes: Array<[string, string]> = [
        ['GET /api/graph (the map)', '/api/graph'],
        ['GET /api/traffic?range=1h', '/api/traffic?range=1h'],
        ['GET /api/traffic?range=24h', '/api/traffic?range=24h'],
        ['GET /api/traffic?range=7d', '/api/traffic?range=7d'],
        ['signals payment 1h', `/api/services/${seg(shop('payment'))}/signals?range=1h`],
        ['signals payment 7d', `/api/services/${seg(shop('payment'))}/signals?range=7d`],
        ['errors payment 1h', `/api/services/${seg(shop('payment'))}/errors?range=1h`],
        ['errors payment 24h', `/api/services/${seg(shop('payment'))}/errors?range=24h`],
        ['traces order 1h', `/api/services/${seg(shop('order'))}/traces?range=1h`],
        ['follow frontend 1h', `/api/services/${seg(shop('frontend'))}/follow?range=1h`],
        ...(sample
          ? ([['trace by id (waterfall)', `/api/traces/${sample.project}/${sample.traceId}`]] as Array<
              [string, string]
            >)
          : []),
      ];
      for (const [name, route] of routes) {
        const c = await time(() => fetchOk(`${cold}${route}`), RUNS_COLD, 1);
        const w = await time(() => fetchOk(`${cached}${route}`), RUNS_CACHED, 1);
        rows.push({
          name,
          figures: {
            'cold median': c.median,
            'cold p95': c.p95,
            'cached median': w.median,
            'cold/cached': round(c.median / Math.max(w.median, 0.01), 1),
            'first data < 1 s': c.p95 < 1000 ? 'yes' : 'NO',
          },
        });
      }
      await store.stop();
    } finally {
      await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
      await source.close();
    }
    return rows;
  },
};

export default bench;
