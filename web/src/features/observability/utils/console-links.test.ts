import { describe, expect, it } from 'vitest';
import { consoleLinkItems, consoleLinksOf, traceConsoleUrl } from './console-links.ts';

const links = {
  cloudRun: 'https://console.cloud.google.com/run/detail/europe-west1/payment?project=shop-prod',
  logs: 'https://console.cloud.google.com/logs/query;query=x?project=shop-prod',
  metrics: 'https://console.cloud.google.com/monitoring/metrics-explorer?project=shop-prod',
  traces: 'https://console.cloud.google.com/traces/list?project=shop-prod',
  errorReporting: 'https://console.cloud.google.com/errors?project=shop-prod',
};

describe('consoleLinksOf', () => {
  it('reads the links of a service detail', () => {
    expect(consoleLinksOf({ name: 'x', links })).toEqual(links);
  });
  it.each([null, 'links', {}, { links: null }, { links: { cloudRun: 'x' } }])('has none for %j', (detail) => {
    expect(consoleLinksOf(detail)).toBeNull();
  });
});

describe('consoleLinkItems', () => {
  it('keeps the asked order', () => {
    expect(consoleLinkItems(links, ['traces', 'logs']).map((item) => item.key)).toEqual(['traces', 'logs']);
  });
  it('drops a link that is not http(s)', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile value, not a template.
    const hostile = { ...links, logs: 'javascript:alert(1)', metrics: 'data:text/html,${x}' };
    expect(consoleLinkItems(hostile, ['logs', 'metrics', 'cloudRun']).map((item) => item.key)).toEqual([
      'cloudRun',
    ]);
  });
});

describe('traceConsoleUrl', () => {
  it('encodes the project and trace id', () => {
    expect(traceConsoleUrl({ project: 'example.com:shop', traceId: 'ab12' })).toBe(
      'https://console.cloud.google.com/traces/list?project=example.com%3Ashop&tid=ab12',
    );
  });
});
