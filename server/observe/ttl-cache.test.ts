import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache.ts';

describe('TtlCache', () => {
  it('shares one read while fresh, reads again once stale, and forgets failures', async () => {
    let now = 0;
    let reads = 0;
    const cache = new TtlCache<number>(30_000, 10, () => now);
    const load = async () => ++reads;
    expect(await Promise.all([cache.get('a', load), cache.get('a', load)])).toEqual([1, 1]);
    now = 29_999;
    expect(await cache.get('a', load)).toBe(1);
    now = 30_000;
    expect(await cache.get('a', load)).toBe(2);
    await expect(cache.get('b', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('b', load)).toBe(3);
  });

  it('drops the oldest entries beyond its size', async () => {
    const cache = new TtlCache<string>(60_000, 2);
    let reads = 0;
    for (const key of ['a', 'b', 'c']) await cache.get(key, async () => `${key}${++reads}`);
    expect(await cache.get('a', async () => `a${++reads}`)).toBe('a4');
  });
});
