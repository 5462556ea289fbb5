// `npm run poll`: one polling run of the sources (sources/sources.json, or SOURCES_FILE)
// into the local runtime's store, then exit. It opens the same data as `npm start`
// (DATA_DIR, default .data/) — stop the server first, since dynalite's LevelDB admits
// one process; or point DYNAMODB_ENDPOINT at an engine that is running (DynamoDB Local).
// Restart `npm start` (or just reload: it reads the same store) to see the new events.
//
// `--allow-host 127.0.0.1:8080` (repeatable) lets the outbound guard reach that exact
// host:port, for trying the poller on an outlet served from this machine. It is a flag
// of this command only: the Lambda handler has no such input, and no environment
// variable turns it on.
import './env.js';
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { extractEvents } from '../../functions/extract/index.js';
import { normalizeAuthority } from '../../functions/poll/outbound.js';
import { DEFAULT_CONTACT_URL } from '../../functions/poll/politeness.js';
import { runPoll } from '../../functions/poll/run.js';
import { parseSources } from '../../functions/poll/sources.js';
import { startLocalService } from './runtime.js';

const Environment = z.object({
  DATA_DIR: z.optional(z.string().check(z.minLength(1))),
  DYNAMODB_ENDPOINT: z.optional(z.url({ protocol: /^https?$/ })),
  SOURCES_FILE: z.optional(z.string().check(z.minLength(1))),
  POLL_CONTACT_URL: z.optional(z.url({ protocol: /^https?$/ })),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'allow-host': { type: 'string', multiple: true } },
    strict: true,
  });
  const allowHosts = (values['allow-host'] ?? []).map(normalizeAuthority);
  const env = Environment.parse(process.env);
  const sourcesFile = resolve(env.SOURCES_FILE ?? 'sources/sources.json');
  const sources = parseSources(await readFile(sourcesFile, 'utf8'), sourcesFile);
  const dataDir = resolve(env.DATA_DIR ?? '.data');
  if (!env.DYNAMODB_ENDPOINT) await mkdir(dataDir, { recursive: true });
  const service = await startLocalService(
    env.DYNAMODB_ENDPOINT
      ? { endpoint: env.DYNAMODB_ENDPOINT }
      : { dataDir: resolve(dataDir, 'dynalite') },
  );
  try {
    const pkg = JSON.parse(await readFile(resolve('package.json'), 'utf8')) as { version: string };
    const report = await runPoll({
      store: service.store,
      extract: extractEvents,
      sources,
      contactUrl: env.POLL_CONTACT_URL ?? DEFAULT_CONTACT_URL,
      version: pkg.version,
      allowHosts,
    });
    for (const s of report.sources) {
      console.log(
        `${s.source.padEnd(28)} ${s.status.padEnd(13)} ingested ${s.items.ingested}, duplicate ${s.items.duplicate}, skipped ${s.items.skipped}, retry ${s.items.retry}, failed ${s.items.failed}${s.error ? `  (${s.error})` : ''}`,
      );
    }
    console.log(
      `poll: ${report.ingested} articles ingested, ${report.failedSources} sources failed`,
    );
    process.exitCode =
      report.failedSources > 0 && report.failedSources === report.sources.length ? 1 : 0;
  } finally {
    await service.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    `poll failed: ${message}${/lock/i.test(message) ? ' (is `npm start` running on the same DATA_DIR? stop it first)' : ''}`,
  );
  process.exit(1);
});
