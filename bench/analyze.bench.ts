import { analyze } from '../server/core/analyze.ts';
import { aBinding, anInventory, aPolicy, aService } from '../server/core/testing/builders.ts';
import type { Workload } from '../shared/inventory.ts';
import { type Bench, round, time } from './measure.ts';

/**
 * analyze() (exposure, every rule, the graph) on synthetic estates of growing size: each service
 * calls two others by URL and runsd short name and grants its caller an invoker role, one in ten is
 * public to allUsers. The ratio to the 200-service estate shows how the core scales.
 */
function estate(size: number): Workload[] {
  const services = Array.from({ length: size }, (_, i) => aService({ shortName: `svc-${i}` }));
  return services.map((s, i) => {
    const next = services[(i + 1) % size];
    const caller = services[(i + size - 1) % size];
    const members = [`serviceAccount:${caller?.serviceAccount ?? ''}`, ...(i % 10 === 0 ? ['allUsers'] : [])];
    return aService({
      ...s,
      ingress: i % 10 === 0 ? 'INGRESS_TRAFFIC_ALL' : 'INGRESS_TRAFFIC_INTERNAL_ONLY',
      env: [
        { name: 'NEXT_URL', container: 'app', value: next?.uri ?? '' },
        { name: 'PREV', container: 'app', value: `http://svc-${(i + size - 2) % size}` },
      ],
      iamPolicy: aPolicy(aBinding('roles/run.invoker', ...members)),
    });
  });
}

const bench: Bench = {
  title: 'analyze(): exposure, rules and graph by estate size',
  async run() {
    const sizes = [200, 500, 1000, 2000];
    const rows = [];
    let base = 0;
    for (const size of sizes) {
      const inventory = anInventory({ workloads: estate(size) });
      const t = await time(async () => analyze(inventory), size >= 1000 ? 5 : 10, 2);
      const { graph, findings } = analyze(inventory);
      if (size === sizes[0]) base = t.median;
      rows.push({
        name: `${size} services`,
        figures: {
          'median ms': t.median,
          'p95 ms': t.p95,
          nodes: graph.nodes.length,
          edges: graph.edges.length,
          findings: findings.length,
          'x vs 200': round(t.median / base, 1),
          'size x': size / (sizes[0] ?? 1),
        },
      });
    }
    return rows;
  },
};

export default bench;
