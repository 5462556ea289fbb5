// `npm run ingest -- [--endpoint URL] [--concurrency N] <files or folders>`: posts
// article files (CONTRACT §2 JSON) to a running service. Local endpoints get plain
// requests; any other endpoint is an IAM-protected ingest URL, so requests are
// signed with SigV4 from the standard AWS credential chain (env, profile, SSO, ...).
import './env.js';
import { parseArgs } from 'node:util';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { articleFiles, readArticle } from './seeds.js';

const USAGE = 'usage: npm run ingest -- [--endpoint URL] [--concurrency N] [--region R] <files or folders>';
const LOCAL = /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/;

type Send = (body: string) => Promise<Response>;

/** The endpoint may be the service's origin or its /articles URL. */
function articlesUrl(endpoint: string): URL {
  const url = new URL(endpoint);
  if (!url.pathname.endsWith('/articles')) url.pathname = `${url.pathname.replace(/\/+$/, '')}/articles`;
  return url;
}

function regionOf(url: URL, given: string | undefined): string {
  if (given) return given;
  const fromHost = /\.lambda-url\.([a-z0-9-]+)\.on\.aws$/.exec(url.hostname)?.[1];
  const region = fromHost ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (!region) throw new Error('cannot tell the AWS region: pass --region');
  return region;
}

function sender(url: URL, region: string | undefined): Send {
  if (LOCAL.test(url.href)) {
    return (body) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  }
  const signer = new SignatureV4({
    service: 'lambda',
    region: regionOf(url, region),
    credentials: defaultProvider(),
    sha256: Hash.bind(null, 'sha256'),
  });
  return async (body) => {
    const signed = await signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      path: url.pathname,
      query: {},
      headers: { host: url.host, 'content-type': 'application/json' },
      body,
    });
    return fetch(url, { method: 'POST', headers: signed.headers, body });
  };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      endpoint: { type: 'string', default: `http://127.0.0.1:${process.env.PORT ?? '3000'}` },
      concurrency: { type: 'string', default: '4' },
      region: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new Error('--concurrency takes 1 to 64');

  const url = articlesUrl(values.endpoint);
  const send = sender(url, values.region);
  const files = await articleFiles(positionals);
  const tally = { created: 0, known: 0, failed: 0, events: 0 };
  let done = 0;
  let next = 0;
  const tty = process.stderr.isTTY;

  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      let line: string;
      try {
        const response = await send(await readArticle(file));
        const body = (await response.json().catch(() => ({}))) as { events?: unknown[]; detail?: string };
        if (response.status === 201) tally.created++;
        else if (response.status === 200) tally.known++;
        else tally.failed++;
        tally.events += body.events?.length ?? 0;
        line = `${response.status} ${file}${response.ok ? ` (${body.events?.length ?? 0} events)` : `: ${body.detail ?? response.statusText}`}`;
      } catch (error) {
        tally.failed++;
        line = `ERR ${file}: ${error instanceof Error ? error.message : String(error)}`;
      }
      done++;
      if (tty) process.stderr.write(`\r\x1b[K[${done}/${files.length}] ${line}`);
      else console.error(`[${done}/${files.length}] ${line}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  if (tty) process.stderr.write('\n');
  console.log(
    `${files.length} files → ${url.href}: ${tally.created} new, ${tally.known} already stored, ${tally.failed} failed; ${tally.events} event references`,
  );
  return tally.failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`ingest: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  },
);
