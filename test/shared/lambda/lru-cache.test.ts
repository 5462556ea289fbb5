// The bundles' stand-in for mnemonist/lru-cache (infra/bundling.ts) keeps what the SDK's
// endpoint cache relies on: a bounded map that drops its least recently used key.
import { describe, expect, it } from 'vitest';
import LRUCache from '../../../functions/shared/lambda/lru-cache.js';

describe('LRUCache stand-in', () => {
  it('holds at most its capacity, dropping the least recently used key', () => {
    const cache = new LRUCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now newer than b
    cache.set('c', 3);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
    expect(cache.size).toBe(2);
  });

  it('peek does not mark a key used; set replaces a value; clear empties it', () => {
    const cache = new LRUCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.peek('a')).toBe(1);
    cache.set('c', 3); // a was only peeked: it is the oldest
    expect(cache.has('a')).toBe(false);
    cache.set('b', 20);
    expect(cache.get('b')).toBe(20);
    expect(cache.get('missing')).toBeUndefined();
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
