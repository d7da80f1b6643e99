import { describe, expect, it } from 'vitest';
import { type FilterableLogEntry, LOG_SEVERITIES, parseLoggingFilter } from './logging-filter.ts';
import type { JsonObject } from './proto-json-checker.ts';
import { anAppLog, aRequestLog } from './traffic-builders.ts';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const raw: Record<string, JsonObject> = {
  ok: aRequestLog('shop-prod', 'frontend', { timestamp: '2026-11-21T11:00:00Z', status: 200 }),
  notFound: aRequestLog('shop-prod', 'frontend', { timestamp: '2026-11-21T11:10:00Z', status: 404 }),
  failed: aRequestLog('shop-prod', 'payment', {
    timestamp: '2026-11-21T11:30:00Z',
    status: 503,
    traceId: TRACE,
  }),
  stack: anAppLog('shop-prod', 'payment', {
    timestamp: '2026-11-21T11:30:01Z',
    text: 'StripeConnectionError: connect ETIMEDOUT\n    at charge (/app/stripe.js:42:11)',
    traceId: TRACE,
  }),
  notice: {
    ...anAppLog('shop-prod', 'order', {
      timestamp: '2026-11-21T11:45:00Z',
      severity: 'NOTICE',
      text: 'retrying',
    }),
    labels: { 'run.googleapis.com/x': 'y' },
  },
};

function entry(json: JsonObject): FilterableLogEntry {
  return {
    json,
    timestampMs: Date.parse(String(json.timestamp)),
    severity: LOG_SEVERITIES[String(json.severity)] ?? 0,
  };
}

function matching(filter: string): string[] {
  const predicate = parseLoggingFilter(filter);
  return Object.entries(raw)
    .filter(([, json]) => predicate(entry(json)))
    .map(([name]) => name);
}

describe('parseLoggingFilter', () => {
  it.each([
    ['', ['ok', 'notFound', 'failed', 'stack', 'notice']],
    ['resource.type="cloud_run_revision"', ['ok', 'notFound', 'failed', 'stack', 'notice']],
    ['resource.labels.service_name="payment"', ['failed', 'stack']],
    ['resource.labels.service_name=("order" OR "frontend")', ['ok', 'notFound', 'notice']],
    ['logName="projects/shop-prod/logs/run.googleapis.com%2Frequests"', ['ok', 'notFound', 'failed']],
    ['logName="projects/shop-prod/logs/run.googleapis.com/stderr"', ['stack', 'notice']],
    ['log_id("run.googleapis.com/stderr")', ['stack', 'notice']],
    ['severity>=ERROR', ['failed', 'stack']],
    ['severity>WARNING', ['failed', 'stack']],
    ['severity<=NOTICE', ['ok', 'notice']],
    ['severity=warning', ['notFound']],
    ['severity!=INFO', ['notFound', 'failed', 'stack', 'notice']],
    ['httpRequest.status>=500', ['failed']],
    ['httpRequest.status>=400 httpRequest.status<500', ['notFound']],
    ['httpRequest.status=404 OR httpRequest.status=503', ['notFound', 'failed']],
    ['httpRequest:*', ['ok', 'notFound', 'failed']],
    ['httpRequest.latency>="0.05s"', ['ok', 'notFound', 'failed']],
    ['timestamp>="2026-11-21T11:10:00Z" AND timestamp<"2026-11-21T11:30:01Z"', ['notFound', 'failed']],
    [`trace="projects/shop-prod/traces/${TRACE}"`, ['failed', 'stack']],
    ['textPayload:"etimedout"', ['stack']],
    ['textPayload=~"^Stripe\\w+Error"', ['stack']],
    ['labels."run.googleapis.com/x"="y"', ['notice']],
    ['NOT severity>=ERROR', ['ok', 'notFound', 'notice']],
    ['-resource.labels.service_name="frontend"', ['failed', 'stack', 'notice']],
    // Logging binds OR tighter than AND: this is severity>=ERROR AND (payment OR order).
    [
      'severity>=ERROR AND resource.labels.service_name="payment" OR resource.labels.service_name="order"',
      ['failed', 'stack'],
    ],
    [
      '(severity>=ERROR AND resource.labels.service_name="payment") OR resource.labels.service_name="order"',
      ['failed', 'stack', 'notice'],
    ],
  ])('matches %s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected);
  });

  it.each([
    ['"timeout"', 'global restrictions'],
    ['timeout', 'global restrictions'],
    ['foo.bar="x"', 'the field "foo.bar"'],
    ['resource.name="x"', 'resource.name'],
    ['sample(insertId, 0.1)', 'sample()'],
    ['severity=LOUD', 'unknown severity "LOUD"'],
    ['timestamp>"yesterday"', 'RFC 3339'],
    ['httpRequest.status>=five', 'must be compared with a number'],
    ['severity:ERROR', 'operator : is not supported on severity'],
    ['(severity>=ERROR', "expected ')'"],
    ['severity>=ERROR)', 'unexpected token'],
    ['textPayload="unterminated', 'unterminated string'],
    ['severity>=ERROR AND', 'expected a term'],
  ])('answers INVALID_ARGUMENT naming the problem in %s', (filter, fragment) => {
    expect(() => parseLoggingFilter(filter)).toThrow(
      expect.objectContaining({ code: 3, message: expect.stringContaining(fragment) }),
    );
  });
});
