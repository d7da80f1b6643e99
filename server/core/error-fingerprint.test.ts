import { describe, expect, it } from 'vitest';
import { fingerprintOf, groupErrors, headlineOf, normalizeMessage } from './error-fingerprint.ts';

describe('normalizeMessage', () => {
  it.each([
    ['charge ch_3PqL9x2eZvKu failed: timeout after 4000ms', 'charge <id> failed: timeout after <n>ms'],
    [
      'PaymentError: payment service answered 503 for order ORD-20931',
      'PaymentError: payment service answered <n> for order <id>',
    ],
    ['user 3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b not found', 'user <id> not found'],
    ['cannot read "cart_ec510a89c3d2" for alice@example.com', 'cannot read <str> for <email>'],
    ['GET https://payment-ht7w2mzq4q-ew.a.run.app/charges?id=7 failed', 'GET <url> failed'],
    ['object at 0x7f3a9c2b1e40 and deadbeef12', 'object at <hex> and <hex>'],
    ['v1.Notifier/Send: deadline exceeded', 'v1.Notifier/Send: deadline exceeded'],
  ])('normalizes %j', (message, expected) => {
    expect(normalizeMessage(message)).toBe(expected);
  });

  it('takes the exception line of a Python traceback and the first line of a Node stack', () => {
    const python =
      'Traceback (most recent call last):\n  File "/app/views.py", line 35, in charge\n    raise error\nStripeConnectionError: timeout after 4021ms';
    expect(headlineOf(python)).toBe('StripeConnectionError: timeout after 4021ms');
    expect(headlineOf('Error: boom 12\n    at charge (/app/index.js:3:9)')).toBe('Error: boom 12');
  });
});

describe('groupErrors', () => {
  it('groups messages that differ only by ids, with counts, first and last seen and a sample trace', () => {
    const groups = groupErrors([
      { message: 'order ORD-1 failed after 4001ms', timestamp: '2026-11-21T11:40:00Z' },
      {
        message: 'order ORD-2 failed after 5002ms',
        timestamp: '2026-11-21T11:50:00Z',
        trace: { project: 'shop', traceId: 'a'.repeat(32) },
      },
      { message: 'disk full', timestamp: '2026-11-21T11:45:00Z' },
      { message: '   ', timestamp: '2026-11-21T11:45:00Z' },
    ]);
    expect(groups).toEqual([
      {
        fingerprint: fingerprintOf('order <id> failed after <n>ms'),
        message: 'order <id> failed after <n>ms',
        example: 'order ORD-2 failed after 5002ms',
        count: 2,
        firstSeen: '2026-11-21T11:40:00Z',
        lastSeen: '2026-11-21T11:50:00Z',
        sampleTrace: { project: 'shop', traceId: 'a'.repeat(32) },
      },
      expect.objectContaining({ message: 'disk full', count: 1, sampleTrace: null }),
    ]);
  });

  it('gives a stable fingerprint of 16 hex digits', () => {
    expect(fingerprintOf('x')).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintOf('x')).toBe(fingerprintOf('x'));
    expect(fingerprintOf('x')).not.toBe(fingerprintOf('y'));
  });
});
