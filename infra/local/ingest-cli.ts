// `npm run ingest -- [--endpoint URL] [--concurrency N] <files or folders>`: posts
// article files (CONTRACT §2 JSON) to a running service, showing progress.
import './env.js';
import { parseArgs } from 'node:util';
import { articlesUrl, createSender, isLocal } from './ingest-client.js';
import { articleFiles, readArticle } from './seeds.js';

const USAGE =
  'usage: npm run ingest -- [--endpoint URL] [--concurrency N] [--region R] [--sign | --no-sign] <files or folders>';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      endpoint: { type: 'string', default: `http://127.0.0.1:${process.env.PORT ?? '3000'}` },
      concurrency: { type: 'string', default: '4' },
      region: { type: 'string' },
      sign: { type: 'boolean' },
      'no-sign': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new Error('--concurrency takes 1 to 64');

  const url = articlesUrl(values.endpoint);
  const sign = values.sign ? true : values['no-sign'] ? false : !isLocal(url);
  const send = createSender(url, { sign, region: values.region });
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
        const body = (await response.json().catch(() => ({}))) as {
          events?: unknown[];
          detail?: string;
        };
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
