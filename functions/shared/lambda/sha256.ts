// Stands in for @smithy/core/checksum in the Lambda bundles (an esbuild alias,
// infra/bundling.ts). The DynamoDB client takes only its SHA-256 from there, to sign
// requests; the module also carries pure-JavaScript SHA-256 for runtimes without native
// crypto (~3 KB minified), which Lambda's Node.js never needs.
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';

type Data = string | ArrayBuffer | ArrayBufferView;

const bytes = (data: Data): string | Uint8Array =>
  typeof data === 'string'
    ? data
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);

/** SHA-256, or HMAC-SHA-256 under a (non-empty) secret, as the SDK's signer uses it. */
export class Sha256 {
  readonly digestLength = 32;
  private readonly secret: Data | undefined;
  private readonly hmac: boolean;
  private hash: Hash | Hmac;
  private finished = false;

  constructor(secret?: Data) {
    this.secret = secret;
    this.hmac = Boolean(secret);
    this.hash = this.start();
  }

  update(data: Data): void {
    if (this.finished) throw new Error('Attempted to update an already finished hash.');
    this.hash.update(bytes(data));
  }

  /** The digest so far: a plain hash may go on being updated after it, an HMAC may not. */
  async digest(): Promise<Uint8Array> {
    let out: Buffer;
    if (this.hmac) {
      this.finished = true;
      out = this.hash.digest();
    } else {
      out = (this.hash as Hash).copy().digest();
    }
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }

  reset(): void {
    this.hash = this.start();
    this.finished = false;
  }

  private start(): Hash | Hmac {
    return this.hmac ? createHmac('sha256', bytes(this.secret!)) : createHash('sha256');
  }
}
