// Sending articles to an ingest endpoint. Local endpoints get plain requests; any
// other is the deployed, IAM-protected Function URL, so requests are signed with
// SigV4 (service `lambda`) from the standard AWS credential chain (env, profile, SSO).
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

export type Send = (body: string) => Promise<Response>;

const LOCAL = /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/;

export const isLocal = (url: URL): boolean => LOCAL.test(url.href);

/** The endpoint may be the service's origin or its /articles URL. */
export function articlesUrl(endpoint: string): URL {
  const url = new URL(endpoint);
  if (!url.pathname.endsWith('/articles'))
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/articles`;
  return url;
}

function regionOf(url: URL, given: string | undefined): string {
  if (given) return given;
  const fromHost = /\.lambda-url\.([a-z0-9-]+)\.on\.aws$/.exec(url.hostname)?.[1];
  const region = fromHost ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (!region) throw new Error('cannot tell the AWS region: pass --region');
  return region;
}

export interface SenderOptions {
  sign: boolean;
  region?: string | undefined;
  /** default: the standard AWS credential chain */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
}

export function createSender(url: URL, options: SenderOptions): Send {
  if (!options.sign) {
    return (body) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  }
  const signer = new SignatureV4({
    service: 'lambda',
    region: regionOf(url, options.region),
    credentials: options.credentials ?? defaultProvider(),
    sha256: Hash.bind(null, 'sha256'),
  });
  return async (body) => {
    const signed = await signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname,
      query: {},
      headers: { host: url.host, 'content-type': 'application/json' },
      body,
    });
    return fetch(url, { method: 'POST', headers: signed.headers, body });
  };
}
