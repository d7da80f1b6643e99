import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';

describe('parseConfig', () => {
  it('uses defaults and listens on loopback outside Cloud Run', () => {
    expect(parseConfig({})).toMatchObject({
      PORT: 8080,
      RUNMAP_REFRESH_SECONDS: 300,
      RUNMAP_CONCURRENCY: 8,
      host: '127.0.0.1',
    });
  });

  it('listens on every interface on Cloud Run', () => {
    expect(parseConfig({ K_SERVICE: 'runmap', PORT: '9000' })).toMatchObject({ PORT: 9000, host: '0.0.0.0' });
  });

  it('lists every bad variable at once', () => {
    expect(() =>
      parseConfig({ PORT: 'eighty', RUNMAP_REFRESH_SECONDS: '-1', RUNMAP_CONCURRENCY: '1000' }),
    ).toThrow(/PORT="eighty".*\n.*RUNMAP_REFRESH_SECONDS="-1".*\n.*RUNMAP_CONCURRENCY="1000"/);
  });
});
