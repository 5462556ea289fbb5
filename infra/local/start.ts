// `npm start`: the feeds of the seed articles on http://127.0.0.1:3000 with no AWS
// account. Data persists under DATA_DIR (default .data/); restarting ingests the
// seeds again, which changes nothing.
import './env.js';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import { listen, startLocalService } from './runtime.js';
import { articleFiles, readArticle } from './seeds.js';

const Environment = z.object({
  PORT: z.optional(z.string().check(z.regex(/^\d{1,5}$/, 'must be a port number'))),
  HOST: z.optional(z.string()),
  DATA_DIR: z.optional(z.string().check(z.minLength(1))),
  SEEDS_DIR: z.optional(z.string().check(z.minLength(1))),
});

async function main(): Promise<void> {
  const env = Environment.parse(process.env);
  const port = Number(env.PORT ?? '3000');
  const dataDir = resolve(env.DATA_DIR ?? '.data');
  const seedsDir = resolve(env.SEEDS_DIR ?? 'seeds');
  await mkdir(dataDir, { recursive: true });

  const service = await startLocalService({ dataDir: resolve(dataDir, 'dynalite') });
  const seeded = { created: 0, known: 0, events: new Set<string>() };
  for (const file of await articleFiles([seedsDir])) {
    const response = await service.app.request('/articles', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: await readArticle(file),
    });
    const body = (await response.json()) as { events?: { id: string }[]; detail?: string };
    if (response.status === 201) seeded.created++;
    else if (response.status === 200) seeded.known++;
    else throw new Error(`seed ${file} was refused (${response.status}): ${body.detail ?? ''}`);
    for (const e of body.events ?? []) seeded.events.add(e.id);
  }

  const { server, url } = await listen(service.app, port, env.HOST ?? '127.0.0.1');
  console.log(
    `diplomacy-feed on ${url}  (data: ${dataDir}; seeds: ${seeded.created} new, ${seeded.known} already stored, ${seeded.events.size} events)`,
  );
  console.log(`  home page   ${url}/`);
  console.log(`  Atom        ${url}/feeds/atom.xml`);
  console.log(`  RSS         ${url}/feeds/rss.xml`);
  console.log(`  JSON Feed   ${url}/feeds/feed.json`);
  console.log(`  calendar    ${url}/feeds/calendar.ics`);
  console.log(`  ingest      POST ${url}/articles   (npm run ingest -- <files or folders>)`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    service.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(
    `diplomacy-feed could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
