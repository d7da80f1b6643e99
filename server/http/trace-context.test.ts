import { describe, expect, it } from 'vitest';
import { traceFields } from './trace-context.ts';

const TRACE = 'projects/p-123456/traces/105445aa7843bc8bf206b12000100000';

describe('traceFields', () => {
  it.each([
    [
      'X-Cloud-Trace-Context with span and sampling',
      { cloudTrace: '105445AA7843BC8BF206B12000100000/1;o=1' },
      {
        'logging.googleapis.com/trace': TRACE,
        'logging.googleapis.com/spanId': '0000000000000001',
        'logging.googleapis.com/trace_sampled': true,
      },
    ],
    [
      'a trace id alone',
      { cloudTrace: '105445aa7843bc8bf206b12000100000' },
      { 'logging.googleapis.com/trace': TRACE },
    ],
    [
      'traceparent when X-Cloud-Trace-Context is absent',
      { traceparent: '00-105445aa7843bc8bf206b12000100000-00f067aa0ba902b7-00' },
      {
        'logging.googleapis.com/trace': TRACE,
        'logging.googleapis.com/spanId': '00f067aa0ba902b7',
        'logging.googleapis.com/trace_sampled': false,
      },
    ],
    ['a malformed header (client input)', { cloudTrace: '"><script>/1;o=1' }, {}],
    ['an injected newline', { cloudTrace: '105445aa7843bc8bf206b12000100000\n/1' }, {}],
    [
      'a span beyond 64 bits',
      { cloudTrace: '105445aa7843bc8bf206b12000100000/99999999999999999999' },
      { 'logging.googleapis.com/trace': TRACE },
    ],
  ])('reads %s', (_what, headers, expected) => {
    expect(traceFields(headers, 'p-123456')).toEqual(expected);
  });

  it('gives nothing without a project', () => {
    expect(traceFields({ cloudTrace: '105445aa7843bc8bf206b12000100000/1;o=1' }, undefined)).toEqual({});
  });
});
