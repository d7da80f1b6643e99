import { describe, expect, it } from 'vitest';
import { loadGoogleProtos } from './google-protos.ts';
import { loadWorld } from './load-world.ts';
import type { JsonObject } from './proto-json-checker.ts';
import { aCountSeries, aLatencySeries, aRequestLog, aTrace } from './traffic-builders.ts';
import { aProject, aWorld } from './world-builders.ts';

const SHOP = 'shop-prod';
const protos = loadGoogleProtos();
const TRACE = 'a'.repeat(32);
const load = (traffic: JsonObject, now = '2026-11-21T12:00:00Z') =>
  loadWorld(aWorld(aProject(SHOP, traffic)), { now: new Date(now), protos });
const log = (overrides: JsonObject) => ({
  ...aRequestLog(SHOP, 'payment', { timestamp: '2026-11-21T11:00:00Z' }),
  ...overrides,
});
const without = (object: JsonObject, key: string) =>
  Object.fromEntries(Object.entries(object).filter(([k]) => k !== key));
const span = (overrides: JsonObject) => ({
  projectId: SHOP,
  traceId: TRACE,
  spans: [
    {
      spanId: '1',
      kind: 'RPC_SERVER',
      name: '/',
      startTime: '2026-11-21T11:00:00Z',
      endTime: '2026-11-21T11:00:01Z',
      ...overrides,
    },
  ],
});
const count = aCountSeries(SHOP, 'payment', { response_code_class: '2xx' }, [['2026-11-21T11:00:00Z', 3]]);

describe('validateTrafficSections', () => {
  it('shifts every timestamp so that `now` is the present, and derives missing insertIds', () => {
    const world = load(
      {
        logEntries: [log({})],
        timeSeries: [count],
        traces: [
          aTrace(SHOP, TRACE, [
            ['1', undefined, 'RPC_SERVER', '/', '2026-11-21T11:00:00Z', '2026-11-21T11:00:00.5Z'],
          ]),
        ],
      },
      '2026-11-21T12:00:00Z',
    );
    const shifted = loadWorld(
      aWorld(aProject(SHOP, { logEntries: [log({})], timeSeries: [count], traces: [span({})] })),
      {
        now: new Date('2026-11-22T12:00:00Z'),
        protos,
      },
    ).projects[0];
    expect(world.projects[0]?.logEntries[0]?.insertId).toMatch(/^[0-9a-f]{16}$/);
    expect(shifted?.logEntries[0]?.timestamp).toBe('2026-11-22T11:00:00Z');
    expect((shifted?.timeSeries[0]?.points as JsonObject[] | undefined)?.[0]?.interval).toEqual({
      startTime: '2026-11-22T10:59:00Z',
      endTime: '2026-11-22T11:00:00Z',
    });
    expect((shifted?.traces[0]?.spans as JsonObject[] | undefined)?.[0]).toMatchObject({
      startTime: '2026-11-22T11:00:00Z',
      endTime: '2026-11-22T11:00:01Z',
    });
  });

  it.each([
    [
      'a log of another project',
      { logEntries: [log({ logName: 'projects/other-proj/logs/x' })] },
      'logEntries[0].logName',
      'not in project',
    ],
    [
      'an unencoded log ID',
      { logEntries: [log({ logName: `projects/${SHOP}/logs/run.googleapis.com/requests` })] },
      'logEntries[0].logName',
      'URL-encoded',
    ],
    [
      'an unknown severity',
      { logEntries: [log({ severity: 'LOUD' })] },
      'logEntries[0].severity',
      'LogSeverity',
    ],
    [
      'a log without a timestamp',
      { logEntries: [without(log({}), 'timestamp')] },
      'logEntries[0].timestamp',
      'expected a timestamp',
    ],
    ['a malformed trace', { logEntries: [log({ trace: 'abc' })] }, 'logEntries[0].trace', '32 lowercase hex'],
    [
      'an unpackaged protoPayload',
      {
        logEntries: [
          {
            ...without(log({}), 'httpRequest'),
            protoPayload: { '@type': 'type.googleapis.com/google.cloud.audit.AuditLog' },
          },
        ],
      },
      'logEntries[0].protoPayload["@type"]',
      'not packaged',
    ],
    [
      'a series without points',
      { timeSeries: [{ ...count, points: [] }] },
      'timeSeries[0].points',
      'at least one point',
    ],
    [
      'a value of the wrong type',
      { timeSeries: [{ ...count, valueType: 'DOUBLE' }] },
      'timeSeries[0].points[0].value',
      'doubleValue',
    ],
    [
      'a DELTA point without a start',
      {
        timeSeries: [
          {
            ...count,
            points: [{ interval: { endTime: '2026-11-21T11:00:00Z' }, value: { int64Value: '1' } }],
          },
        ],
      },
      'timeSeries[0].points[0].interval',
      'startTime',
    ],
    ['a duplicate series', { timeSeries: [count, count] }, 'timeSeries[1]', 'duplicate time series'],
    [
      'bucket counts that do not add up',
      {
        timeSeries: [aLatencySeries(SHOP, 'payment', [10], [['2026-11-21T11:00:00Z', [1, 2], 5]])].map(
          (s) => {
            const points = s.points as JsonObject[];
            const value = points[0]?.value as JsonObject;
            (value.distributionValue as JsonObject).count = '4';
            return s;
          },
        ),
      },
      'timeSeries[0].points[0].value.distributionValue.bucketCounts',
      'add up to 3',
    ],
    [
      'a trace of another project',
      { traces: [{ ...span({}), projectId: 'other-proj' }] },
      'traces[0].projectId',
      'shop-prod',
    ],
    [
      'a bad trace ID',
      { traces: [{ ...span({}), traceId: 'xyz' }] },
      'traces[0].traceId',
      '32 lowercase hex',
    ],
    [
      'a hex span ID',
      { traces: [span({ spanId: '00f067aa0ba902b7' })] },
      'traces[0].spans[0].spanId',
      'decimal',
    ],
    [
      'an unknown span kind',
      { traces: [span({ kind: 'PRODUCER' })] },
      'traces[0].spans[0].kind',
      'RPC_SERVER',
    ],
    [
      'a span that ends before it starts',
      { traces: [span({ endTime: '2026-11-21T10:00:00Z' })] },
      'traces[0].spans[0].endTime',
      'before it starts',
    ],
    [
      'a label that is not a string',
      { traces: [span({ labels: { '/http/status_code': 503 } })] },
      'traces[0].spans[0].labels["/http/status_code"]',
      'string',
    ],
  ])('refuses %s with the JSON path', (_name, traffic, path, fragment) => {
    expect(() => load(traffic as JsonObject)).toThrow(
      expect.objectContaining({ path: `projects[0].${path}`, message: expect.stringContaining(fragment) }),
    );
  });
});
