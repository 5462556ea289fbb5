// The local server as the HTTP benchmarks load it: dynalite in process with the seed
// and devset articles ingested, served on an ephemeral loopback port; and autocannon,
// run in a child process so the load generator does not share the server's event loop.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ServerType } from '@hono/node-server';
import { type LocalService, listen, startLocalService } from '../infra/local/runtime.js';
import { articleFiles, readArticle } from '../infra/local/seeds.js';
import { DEVSET_DIR, ROOT, SEEDS_DIR } from './lib.js';

const run = promisify(execFile);

/** The port a bench server listens on: BENCH_PORT (+ offset) when set, else any free one. */
export function benchPort(offset = 0): number {
  const base = Number(process.env.BENCH_PORT ?? 0);
  return base > 0 ? base + offset : 0;
}

export interface ServedCorpus {
  service: LocalService;
  url: string;
  /** the article bodies ingested, as read from their files */
  bodies: string[];
  events: Set<string>;
  close(): Promise<void>;
}

export async function serveCorpus(): Promise<ServedCorpus> {
  const service = await startLocalService();
  let server: ServerType | null = null;
  try {
    const files = await articleFiles(
      existsSync(DEVSET_DIR) ? [SEEDS_DIR, DEVSET_DIR] : [SEEDS_DIR],
    );
    const bodies = await Promise.all(files.map(readArticle));
    const events = new Set<string>();
    for (const [i, body] of bodies.entries()) {
      const res = await service.app.request('/articles', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      if (res.status !== 201 && res.status !== 200)
        throw new Error(`ingest of ${files[i]} answered ${res.status}`);
      for (const e of ((await res.json()) as { events: { id: string }[] }).events) events.add(e.id);
    }
    const listening = await listen(service.app, benchPort(0), '127.0.0.1');
    server = listening.server;
    return {
      service,
      url: listening.url,
      bodies,
      events,
      close: async () => {
        await new Promise<void>((resolve) => server!.close(() => resolve()));
        await service.close();
      },
    };
  } catch (error) {
    await service.close();
    throw error;
  }
}

export interface Load {
  reqPerSec: number;
  total: number;
  p50: number;
  p99: number;
  latencyMean: number;
  bytesPerSec: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  /** requests each connection cycles through (autocannon's `requests`) */
  requests?: { method: string; path: string; headers?: Record<string, string> }[];
}

export async function autocannon(options: LoadOptions): Promise<Load> {
  const { stdout } = await run(
    process.execPath,
    [join(ROOT, 'bench/load-child.mjs'), JSON.stringify(options)],
    {
      cwd: ROOT,
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(stdout) as Load;
}
