import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';

const LB = '/projects/123456789012/global/backendServices/4567890123';
const RUN = '/projects/123456789012/locations/europe-west1/services/runmap';

describe('parseConfig', () => {
  it('uses defaults and listens on loopback outside Cloud Run', () => {
    expect(parseConfig({})).toMatchObject({
      PORT: 8080,
      RUNMAP_REFRESH_SECONDS: 300,
      RUNMAP_CONCURRENCY: 8,
      host: '127.0.0.1',
      auth: { mode: 'local' },
    });
  });

  it('listens on every interface on Cloud Run', () => {
    expect(parseConfig({ K_SERVICE: 'runmap', PORT: '9000', RUNMAP_IAP_AUDIENCE: LB })).toMatchObject({
      PORT: 9000,
      host: '0.0.0.0',
    });
  });

  it('lists every bad variable at once', () => {
    expect(() =>
      parseConfig({ PORT: 'eighty', RUNMAP_REFRESH_SECONDS: '-1', RUNMAP_CONCURRENCY: '1000' }),
    ).toThrow(/PORT="eighty".*\n.*RUNMAP_REFRESH_SECONDS="-1".*\n.*RUNMAP_CONCURRENCY="1000"/);
  });
});

describe('parseConfig: the IAP gate', () => {
  it.each([
    ['refuses to start on Cloud Run without an audience', { K_SERVICE: 'runmap' }],
    ['refuses RUNMAP_AUTH=iap without an audience', { RUNMAP_AUTH: 'iap' }],
    ['treats an empty audience as none', { K_SERVICE: 'runmap', RUNMAP_IAP_AUDIENCE: '' }],
  ])('%s, naming RUNMAP_IAP_AUDIENCE', (_what, env) => {
    expect(() => parseConfig(env)).toThrow(/RUNMAP_IAP_AUDIENCE is not set/);
  });

  it.each([
    ['a load balancer audience', { K_SERVICE: 'runmap', RUNMAP_IAP_AUDIENCE: LB }, [LB]],
    ['a Cloud Run audience', { K_SERVICE: 'runmap', RUNMAP_IAP_AUDIENCE: RUN }, [RUN]],
    ['a comma-separated list', { RUNMAP_IAP_AUDIENCE: ` ${LB} , ${RUN},` }, [LB, RUN]],
  ])('turns the gate on with %s', (_what, env, audiences) => {
    expect(parseConfig(env).auth).toEqual({ mode: 'iap', audiences, jwksUrl: undefined, allowedDomains: [] });
  });

  it('reads the JWKS override and allowed domains', () => {
    expect(
      parseConfig({
        RUNMAP_IAP_AUDIENCE: LB,
        RUNMAP_IAP_JWKS_URL: 'http://127.0.0.1:9999/jwk',
        RUNMAP_ALLOWED_DOMAINS: 'Example.com, partner.org',
      }).auth,
    ).toEqual({
      mode: 'iap',
      audiences: [LB],
      jwksUrl: 'http://127.0.0.1:9999/jwk',
      allowedDomains: ['example.com', 'partner.org'],
    });
  });

  it('reads the projects to map', () => {
    expect(parseConfig({ RUNMAP_PROJECTS: 'shop-prod, platform-prod' }).RUNMAP_PROJECTS).toEqual([
      'shop-prod',
      'platform-prod',
    ]);
    expect(() => parseConfig({ RUNMAP_PROJECTS: 'Shop Prod' })).toThrow(/RUNMAP_PROJECTS=/);
  });

  it('turns the gate off only on RUNMAP_AUTH=disabled', () => {
    expect(parseConfig({ K_SERVICE: 'runmap', RUNMAP_AUTH: 'disabled' }).auth).toEqual({ mode: 'disabled' });
  });

  it.each([
    ['RUNMAP_IAP_AUDIENCE', 'https://runmap-abc.a.run.app'],
    ['RUNMAP_IAP_AUDIENCE', '/projects/my-project/global/backendServices/1'],
    ['RUNMAP_IAP_JWKS_URL', 'http://keys.example.com/jwk'],
    ['RUNMAP_IAP_JWKS_URL', 'file:///etc/passwd'],
    ['RUNMAP_ALLOWED_DOMAINS', '@example.com'],
    ['RUNMAP_AUTH', 'off'],
    ['GOOGLE_CLOUD_PROJECT', 'Not A Project'],
  ])('rejects %s=%s', (key, value) => {
    expect(() => parseConfig({ RUNMAP_IAP_AUDIENCE: LB, [key]: value })).toThrow(new RegExp(`${key}=`));
  });
});
