import { describe, expect, it } from 'vitest';
import { loadGoogleProtos } from './google-protos.ts';
import { checkProtoJson } from './proto-json-checker.ts';

const protos = loadGoogleProtos();
const service = protos.messageType('google.cloud.run.v2.Service');
const check = (value: unknown) => checkProtoJson(service, value, 's', { shiftMs: 0 });

describe('checkProtoJson', () => {
  it.each([
    ['an int64 as a decimal string', { generation: '42' }],
    ['an int64 as a number', { generation: 42 }],
    ['a null field (the default)', { template: null }],
    ['an int32 as a decimal string', { template: { maxInstanceRequestConcurrency: '80' } }],
    ['a fractional Duration', { template: { timeout: '1.5s' } }],
    ['a Timestamp with an offset', { createTime: '2026-11-21T14:00:00+02:00' }],
    ['a map of strings', { annotations: { 'a/b': 'c' } }],
  ])('accepts %s when it is valid proto3 JSON', (_, value) => {
    expect(() => check(value)).not.toThrow();
  });

  it.each([
    [
      'an int64 with a fraction',
      { generation: 4.2 },
      's.generation: expected an integer or a decimal string (int64), got 4.2',
    ],
    [
      'a Duration without unit',
      { template: { timeout: '300' } },
      's.template.timeout: expected a Duration string',
    ],
    ['a Timestamp as a number', { createTime: 0 }, 's.createTime: expected an RFC 3339 timestamp string'],
    ['a null in a repeated field', { urls: [null] }, 's.urls[0]: expected a string, got null'],
    [
      'an enum as a boolean',
      { ingress: true },
      's.ingress: expected an enum name of google.cloud.run.v2.IngressTraffic, got true',
    ],
    [
      'an enum number out of range',
      { ingress: 99 },
      's.ingress: unknown enum number 99 for google.cloud.run.v2.IngressTraffic',
    ],
    [
      'a message as an array',
      { scaling: [] },
      's.scaling: expected an object for google.cloud.run.v2.ServiceScaling, got an array',
    ],
    [
      'a field set twice',
      { invokerIamDisabled: true, invoker_iam_disabled: false },
      's.invoker_iam_disabled: field invokerIamDisabled is set twice',
    ],
  ])('refuses %s with its path', (_, value, message) => {
    expect(() => check(value)).toThrow(message);
  });

  it('keeps only known fields when the object has unknown ones', () => {
    expect(check({ name: 'n', surprise: 1, template: { nope: 2 } })).toEqual({ name: 'n', template: {} });
  });
});
