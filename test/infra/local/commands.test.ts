// The local commands as the README tells them: `npm start` keeps its data in the engine
// DYNAMODB_ENDPOINT names (DynamoDB Local in the README; dynalite on its own port here),
// and `npm run ingest` posts to the port PORT names.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalEngine, startDynalite } from '../../../infra/local/dynalite.js';

const repo = resolve(import.meta.dirname, '../../..');
const quiet = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
let dir: string;
let engine: LocalEngine;
const children: ChildProcess[] = [];

/** An article written for this test (CONTRACT §2). */
const article = (n: number, day: number) =>
  JSON.stringify({
    url: `https://fixtures.example/commands-${n}`,
    title: null,
    publishedAt: `2026-04-${String(day).padStart(2, '0')}T18:00:00+07:00`,
    language: 'vi',
    source: null,
    text: `Chiều ${day}/4, tại Hà Nội, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào Sonexay Siphandone.`,
  });

/** Runs `npm start` (its script) and resolves with the server's URL and its first line. */
function start(): Promise<{ child: ChildProcess; url: string; line: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
    cwd: repo,
    env: {
      ...process.env,
      ...quiet,
      PORT: '0',
      DATA_DIR: join(dir, 'data'),
      SEEDS_DIR: join(dir, 'seeds'),
      DYNAMODB_ENDPOINT: engine.endpoint,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`npm start did not start: ${err}`)), 50_000);
    child.stderr!.on('data', (c: Buffer) => {
      if (err.length < 10_000) err += c.toString();
    });
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /^diplomacy-feed on (http:\/\/\S+) .*$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, line: m[0] });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}: ${err}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: repo,
    env: { ...process.env, ...quiet, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  const keep = (c: Buffer) => {
    if (out.length < 10_000) out += c.toString();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'commands-'));
  mkdirSync(join(dir, 'seeds'));
  writeFileSync(join(dir, 'seeds', 'a.json'), article(1, 6));
  writeFileSync(join(dir, 'b.json'), article(2, 7));
  engine = await startDynalite(); // in memory, on a port of its own, as DynamoDB Local would be
});
afterAll(async () => {
  await Promise.all(children.map(stop));
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start with DYNAMODB_ENDPOINT, and npm run ingest with PORT', () => {
  it('keeps the events in that engine, not under DATA_DIR; ingest posts to PORT', async () => {
    const first = await start();
    expect(first.line).toContain(`data: DynamoDB at ${engine.endpoint}`);
    expect(first.line).toContain('seeds: 1 new, 0 already stored');
    expect(existsSync(join(dir, 'data'))).toBe(false);

    // npm run ingest with no --endpoint: the port comes from PORT
    const port = new URL(first.url).port;
    const ingest = await run(['infra/local/ingest-cli.ts', join(dir, 'b.json')], { PORT: port });
    expect(ingest.out).toContain(`127.0.0.1:${port}/articles: 1 new, 0 already stored, 0 failed`);
    expect(ingest.code).toBe(0);
    const feed = (await (await fetch(`${first.url}/feeds/feed.json`)).json()) as {
      items: { id: string }[];
    };
    expect(feed.items.length).toBeGreaterThan(0);
    await stop(first.child);

    // a second start over the same engine finds the seed already stored there
    const second = await start();
    expect(second.line).toContain('seeds: 0 new, 1 already stored');
    const again = (await (await fetch(`${second.url}/feeds/feed.json`)).json()) as {
      items: { id: string }[];
    };
    expect(again.items.map((i) => i.id)).toEqual(feed.items.map((i) => i.id));
    await stop(second.child);
  }, 120_000);
});
