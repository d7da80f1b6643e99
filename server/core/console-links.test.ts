import { describe, expect, it } from 'vitest';
import { consoleLinks, logsQueryOf, traceConsoleLink } from './console-links.ts';
import { aJob, aService } from './testing/builders.ts';

const payment = aService({ shortName: 'payment', project: 'shop-prod', location: 'europe-west1' });

describe('consoleLinks', () => {
  it('links every console page of a service in its project', () => {
    const links = consoleLinks(payment);
    expect(links.cloudRun).toBe(
      'https://console.cloud.google.com/run/detail/europe-west1/payment/metrics?project=shop-prod',
    );
    expect(links.errorReporting).toBe(
      'https://console.cloud.google.com/errors?service=payment&project=shop-prod',
    );
    expect(links.traces).toBe('https://console.cloud.google.com/traces/list?project=shop-prod');
    for (const url of Object.values(links)) {
      expect(url.startsWith('https://console.cloud.google.com/')).toBe(true);
      expect(new URL(url).searchParams.get('project')).toBe('shop-prod');
    }
  });

  it('fills the Logs Explorer query, URL-encoded', () => {
    const { logs } = consoleLinks(payment, '24h');
    const query = decodeURIComponent(/;query=([^;?]+)/.exec(logs)?.[1] ?? '');
    expect(query).toBe(
      'resource.type="cloud_run_revision" AND resource.labels.service_name="payment" AND resource.labels.location="europe-west1"',
    );
    expect(logs).toContain(';duration=P1D?project=shop-prod');
    expect(logs).not.toMatch(/[" ]/);
  });

  it('puts the metric filter of the service in Metrics Explorer', () => {
    const pageState = new URL(consoleLinks(payment).metrics).searchParams.get('pageState') ?? '';
    expect(JSON.parse(pageState).xyChart.dataSets[0].timeSeriesFilter.filter).toContain(
      'resource.label."service_name"="payment"',
    );
  });

  it('encodes hostile names and links jobs to their executions', () => {
    const job = aJob({ shortName: 'x"&y', project: 'p1' });
    expect(logsQueryOf(job)).toContain('resource.labels.job_name="x\\"&y"');
    expect(consoleLinks(job).cloudRun).toContain(
      '/run/jobs/details/europe-west1/x%22%26y/executions?project=p1',
    );
    expect(traceConsoleLink('p1', 'abc')).toBe(
      'https://console.cloud.google.com/traces/list?project=p1&tid=abc',
    );
  });
});
