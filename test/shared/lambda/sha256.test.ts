// The SHA-256 the Lambda bundles sign requests with (functions/shared/lambda/sha256.ts)
// gives what the SDK's own does, for each way the signer calls it.
import { Sha256Node } from '@smithy/core/checksum';
import { describe, expect, it } from 'vitest';
import { Sha256 } from '../../../functions/shared/lambda/sha256.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
/** the SDK's hash, fed as its signer feeds it (its declared type is narrower than what it takes) */
const feed = (hash: Sha256Node, data: unknown) => (hash.update as (d: unknown) => void)(data);
const inputs = ['', 'abc', 'Thủ tướng', new Uint8Array([0, 1, 2, 255]), Buffer.from('xyz')];

describe('the bundles’ SHA-256', () => {
  it('hashes and keys like the SDK’s native one', async () => {
    for (const secret of [undefined, '', 'key', new Uint8Array([7, 8, 9])]) {
      for (const data of inputs) {
        const ours = new Sha256(secret);
        const theirs = new Sha256Node(secret);
        ours.update(data);
        feed(theirs, data);
        expect(hex(await ours.digest()), String(secret)).toBe(hex(await theirs.digest()));
      }
    }
  });

  it('goes on after a plain digest, refuses to after an HMAC digest, and starts again on reset', async () => {
    const plain = new Sha256();
    plain.update('a');
    await plain.digest();
    plain.update('bc');
    expect(hex(await plain.digest())).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    const keyed = new Sha256('key');
    keyed.update('a');
    await keyed.digest();
    expect(() => keyed.update('b')).toThrow(/finished/);
    keyed.reset();
    keyed.update('a');
    const again = new Sha256Node('key');
    feed(again, 'a');
    expect(hex(await keyed.digest())).toBe(hex(await again.digest()));
  });
});
