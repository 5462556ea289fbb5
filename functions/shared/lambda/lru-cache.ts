// Stands in for mnemonist/lru-cache in the Lambda bundles (an esbuild alias,
// infra/bundling.ts). Its one user there is the SDK's endpoint-discovery cache
// (@aws-sdk/endpoint-cache), which the DynamoDB client builds but the store never fills:
// no DynamoDB operation requires discovery and the client does not enable it. This keeps
// the methods that cache calls, bounded to `capacity` keys, the least recently used
// dropped first, in ~0.3 KB where the library's general-purpose cache takes ~5 KB.

export default class LRUCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** The value without marking it used. */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    // a Map iterates in insertion order: re-inserting makes this key the newest
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
