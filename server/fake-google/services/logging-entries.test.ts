import { Logging } from '@google-cloud/logging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClientOptions } from '../fake-client-options.ts';
import { loadGoogleProtos } from '../google-protos.ts';
import { loadWorld } from '../load-world.ts';
import { type FakeGoogle, startFakeGoogle } from '../start-fake-google.ts';
import { anAppLog, aRequestLog } from '../traffic-builders.ts';
import { aProject, aWorld } from '../world-builders.ts';

// The real @google-cloud/logging client (its LoggingServiceV2Client and Logging.getEntries), over gRPC.
const SHOP = 'shop-prod';
const CORP = 'corp-tools';
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const protos = loadGoogleProtos();

const shopEntries = [
  aRequestLog(SHOP, 'frontend', { timestamp: '2026-11-21T11:00:00Z', insertId: 'r1' }),
  aRequestLog(SHOP, 'payment', {
    timestamp: '2026-11-21T11:30:00Z',
    status: 503,
    traceId: TRACE,
    insertId: 'r2',
  }),
  anAppLog(SHOP, 'payment', {
    timestamp: '2026-11-21T11:30:01Z',
    text: 'boom',
    traceId: TRACE,
    insertId: 'a1',
  }),
  // Out of order in the world: the fake answers in timestamp order.
  aRequestLog(SHOP, 'frontend', { timestamp: '2026-11-21T10:00:00Z', status: 404, insertId: 'r0' }),
  aRequestLog(SHOP, 'frontend', { timestamp: '2026-11-20T06:00:00Z', insertId: 'old' }),
];
const world = (now: Date) =>
  loadWorld(
    aWorld(
      aProject(SHOP, { logEntries: shopEntries }),
      aProject(CORP, {
        logEntries: [
          anAppLog(CORP, 'wiki', { timestamp: '2026-11-21T11:15:00Z', text: 'x', insertId: 'c1' }),
        ],
      }),
    ),
    { now, protos },
  );

let fake: FakeGoogle;
let logging: Logging;
type Client = InstanceType<NonNullable<Logging['loggingService']>>;
let client: Client;

beforeAll(async () => {
  fake = await startFakeGoogle({ world: world(new Date('2026-11-21T12:00:00Z')), protos });
  logging = new Logging({ ...fakeClientOptions(fake), projectId: SHOP });
  client = logging.loggingService as unknown as Client;
});
afterAll(async () => {
  await client?.close();
  await fake?.stop();
});

type ListRequest = NonNullable<Parameters<Client['listLogEntries']>[0]>;

async function ids(request: ListRequest): Promise<string[]> {
  const [entries] = await client.listLogEntries(
    { resourceNames: [`projects/${SHOP}`], ...request },
    { autoPaginate: false },
  );
  return entries.map((entry: { insertId?: string | null }) => String(entry.insertId));
}

describe('loggingService ListLogEntries', () => {
  it.each([
    ['', ['old', 'r0', 'r1', 'r2', 'a1']],
    ['resource.labels.service_name="payment"', ['r2', 'a1']],
    [
      'logName="projects/shop-prod/logs/run.googleapis.com%2Frequests" AND httpRequest.status>=400',
      ['r0', 'r2'],
    ],
    ['severity>=ERROR', ['r2', 'a1']],
    [`trace="projects/${SHOP}/traces/${TRACE}"`, ['r2', 'a1']],
    ['timestamp>="2026-11-21T10:00:00Z" timestamp<"2026-11-21T11:30:00Z"', ['r0', 'r1']],
    ['NOT (severity=INFO OR severity=WARNING)', ['r2', 'a1']],
  ])('answers the entries matching %s in timestamp order', async (filter, expected) => {
    expect(await ids({ filter })).toEqual(expected);
  });

  it('orders newest first on "timestamp desc"', async () => {
    expect(await ids({ orderBy: 'timestamp desc' })).toEqual(['a1', 'r2', 'r1', 'r0', 'old']);
  });

  it('reads several projects and merges their entries by time', async () => {
    expect(
      await ids({
        resourceNames: [`projects/${SHOP}`, `projects/${CORP}`],
        filter: 'timestamp>="2026-11-21T11:00:00Z"',
      }),
    ).toEqual(['r1', 'c1', 'r2', 'a1']);
  });

  it('pages with pageSize and pageToken', async () => {
    const seen: string[][] = [];
    let pageToken = '';
    do {
      const [entries, , response] = await client.listLogEntries(
        { resourceNames: [`projects/${SHOP}`], pageSize: 2, pageToken },
        { autoPaginate: false },
      );
      seen.push(entries.map((entry: { insertId?: string | null }) => String(entry.insertId)));
      pageToken = response?.nextPageToken ?? '';
    } while (pageToken);
    expect(seen).toEqual([['old', 'r0'], ['r1', 'r2'], ['a1']]);
  });

  it('keeps the 24 h window Logging.getEntries adds when the filter names no timestamp', async () => {
    // A world whose `now` is the real present, since getEntries computes its window from the clock.
    const present = await startFakeGoogle({ world: world(new Date()), protos });
    const live = new Logging({ ...fakeClientOptions(present), projectId: SHOP });
    try {
      const [entries] = await live.getEntries({ filter: 'resource.type="cloud_run_revision"' });
      // getEntries orders newest first and drops `old`, 30 h before `now`.
      expect(entries.map((entry) => entry.metadata.insertId)).toEqual(['a1', 'r2', 'r1', 'r0']);
      const [all] = await live.getEntries({
        filter: 'timestamp>="2000-01-01T00:00:00Z"',
        orderBy: 'timestamp asc',
      });
      expect(all.map((entry) => entry.metadata.insertId)).toEqual(['old', 'r0', 'r1', 'r2', 'a1']);
    } finally {
      await (live.loggingService as unknown as Client).close();
      await present.stop();
    }
  });

  it.each([
    ['unsupported filter syntax', { filter: '"boom"' }, 3, 'global restrictions'],
    ['an unknown field', { filter: 'payload.x="y"' }, 3, 'payload.x'],
    ['an unsupported orderBy', { orderBy: 'severity desc' }, 3, 'order_by'],
    ['a page size over 1000', { pageSize: 1001 }, 3, 'page_size'],
    ['a bad page token', { pageToken: 'nope' }, 3, 'page_token'],
    ['a folder', { resourceNames: ['folders/123'] }, 3, 'projects/{project}'],
    [
      'a project outside the world',
      { resourceNames: ['projects/unknown-project'] },
      7,
      'logging.logEntries.list',
    ],
  ])('answers code %s', async (_name, request, code, fragment) => {
    await expect(ids(request)).rejects.toMatchObject({ code, message: expect.stringContaining(fragment) });
  });
});
