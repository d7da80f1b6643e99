import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze.ts';
import type { FakeGoogle } from '../fake-google/start-fake-google.ts';
import { packageRoot } from '../paths.ts';
import { type Source, worldSource } from '../sources.ts';
import { collect } from './collect.ts';
import { normalizeTrace } from './observe-traces.ts';

describe('normalizeTrace', () => {
  it('keeps the labels that tell the workload and the call, URLs without query or fragment', () => {
    const trace = normalizeTrace(
      {
        projectId: 'shop-prod',
        traceId: 'AB'.repeat(16),
        spans: [
          {
            spanId: '1',
            kind: 'RPC_CLIENT',
            name: 'POST /charges',
            startTime: '2026-11-21T11:00:00.000Z',
            endTime: '2026-11-21T11:00:00.250Z',
            labels: {
              '/http/url': 'https://payment-x.a.run.app/charges?token=secret#frag',
              '/http/status_code': '503',
              'g.co/r/cloud_run_revision/service_name': 'order',
              '/http/user_agent': 'curl',
            },
          },
          { spanId: '2', parentSpanId: '0', startTime: 'not a time', endTime: '2026-11-21T11:00:00Z' },
          {
            spanId: '3',
            parentSpanId: '0',
            startTime: '2026-11-21T11:00:00Z',
            endTime: '2026-11-21T11:00:01Z',
          },
        ],
      },
      'fallback',
    );
    expect(trace).toEqual({
      project: 'shop-prod',
      traceId: 'ab'.repeat(16),
      spans: [
        {
          spanId: '1',
          kind: 'RPC_CLIENT',
          name: 'POST /charges',
          startMs: Date.parse('2026-11-21T11:00:00.000Z'),
          endMs: Date.parse('2026-11-21T11:00:00.250Z'),
          labels: {
            '/http/url': 'https://payment-x.a.run.app/charges',
            '/http/status_code': '503',
            'g.co/r/cloud_run_revision/service_name': 'order',
          },
        },
        {
          spanId: '3',
          kind: 'SPAN_KIND_UNSPECIFIED',
          name: '',
          startMs: Date.parse('2026-11-21T11:00:00Z'),
          endMs: Date.parse('2026-11-21T11:00:01Z'),
          labels: {},
        },
      ],
    });
    expect(normalizeTrace({ traceId: 'not hex' }, 'p')).toBeUndefined();
  });
});

describe('collect with traces', () => {
  let source: Source;
  let fake: FakeGoogle;
  beforeAll(async () => {
    source = await worldSource(path.join(packageRoot(), 'server/fake-google/worlds/demo.world.json'));
    fake = source.fake as FakeGoogle;
  });
  afterAll(() => source?.close());

  it('reads the window of every project into the inventory', async () => {
    const inventory = await collect({ ...source, trafficWindowMinutes: 60 });
    expect(inventory.traffic?.projects).toEqual(['corp-tools', 'platform-prod', 'shop-prod']);
    expect(inventory.traffic?.truncated).toBe(false);
    expect(Date.parse(inventory.traffic?.to ?? '') - Date.parse(inventory.traffic?.from ?? '')).toBe(
      3_600_000,
    );
    expect(inventory.traffic?.traces.length).toBeGreaterThan(0);
  });

  it('records a failing Trace API as a failure, and the map keeps its other edges', async () => {
    fake.failCall('TraceService/ListTraces', 'PERMISSION_DENIED', {
      message: 'cloudtrace.traces.list denied',
    });
    try {
      const inventory = await collect({ ...source });
      expect(inventory.failures.filter((f) => f.call === 'cloudtrace.traces.list')).toHaveLength(3);
      expect(inventory.failures[0]).toMatchObject({ code: 'PERMISSION_DENIED' });
      expect(inventory.traffic?.projects).toEqual([]);
      const { graph, findings } = analyze(inventory);
      expect(graph.edges.some((e) => e.kind === 'declared')).toBe(true);
      expect(graph.edges.some((e) => e.kind === 'observed')).toBe(false);
      // Without traces nothing can be called unused.
      expect(findings.some((f) => f.ruleId === 'GR-01')).toBe(false);
    } finally {
      fake.reset();
    }
  });
});
