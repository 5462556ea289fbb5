// Store requests per ingest, by kind: how many write requests, write items (one per
// item a request writes: a BatchWriteItem of 24 puts is 24) and write units a new
// event and a repeat report cost, and how many read requests. A write unit is
// DynamoDB's standard write capacity unit as the request shows it: each item put,
// 1 KB or part of it (its attribute names and values in UTF-8, numbers as DynamoDB
// sizes them); a delete or an UpdateItem counts 1 (DynamoDB bills those by the size
// of the item they touch, which the request does not show: a fence of a large ledger
// costs more than this counts). Counted by a middleware on the SDK client every store
// call goes through. Used by the "ingest" group; runnable alone on any version of the
// code that has startLocalService's `client` hook:
//   node --import tsx bench/writes.ts <article dirs…>

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startLocalService } from '../infra/local/runtime.js';

export interface WriteCounts {
  articles: number;
  newEvents: number;
  requests: Record<string, number>;
  writeRequests: number;
  writeItems: number;
  writeUnits: number;
  readRequests: number;
}

export const emptyCounts = (): WriteCounts => ({
  articles: 0,
  newEvents: 0,
  requests: {},
  writeRequests: 0,
  writeItems: 0,
  writeUnits: 0,
  readRequests: 0,
});

const WRITES = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
]);

type Value = unknown;

/** A value's size as DynamoDB counts it, marshalled ({S: …}) or not. */
function valueBytes(value: Value): number {
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number')
    return Math.ceil(String(Math.abs(value)).replace(/[.-]/g, '').length / 2) + 1;
  if (typeof value === 'boolean' || value === null) return 1;
  if (Array.isArray(value))
    return 3 + value.reduce((n: number, v: Value) => n + 1 + valueBytes(v), 0);
  if (typeof value === 'object') {
    const av = value as Record<string, Value>;
    if (typeof av.S === 'string') return valueBytes(av.S);
    if (typeof av.N === 'string') return valueBytes(Number(av.N));
    return (
      3 +
      Object.entries(av).reduce(
        (n, [k, v]) => n + 1 + Buffer.byteLength(k, 'utf8') + valueBytes(v),
        0,
      )
    );
  }
  return 0;
}

function itemUnits(item: Record<string, Value>): number {
  const bytes = Object.entries(item).reduce(
    (n, [k, v]) => n + Buffer.byteLength(k, 'utf8') + valueBytes(v),
    0,
  );
  return Math.max(1, Math.ceil(bytes / 1024));
}

/** The write units of one write request (see the header). */
function writeUnits(
  name: string,
  input: {
    Item?: Record<string, Value>;
    RequestItems?: Record<string, { PutRequest?: { Item: Record<string, Value> } }[]>;
  },
): number {
  if (name === 'PutItemCommand' && input.Item) return itemUnits(input.Item);
  if (name === 'BatchWriteItemCommand' && input.RequestItems) {
    return Object.values(input.RequestItems)
      .flat()
      .reduce((n, r) => n + (r.PutRequest ? itemUnits(r.PutRequest.Item) : 1), 0);
  }
  return 1;
}

/** Counts every store request into the counts `current()` returns at that moment. */
export function counter(current: () => WriteCounts) {
  return (client: DynamoDBClient): DynamoDBClient => {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const counts = current();
        const name = String(context.commandName);
        counts.requests[name] = (counts.requests[name] ?? 0) + 1;
        if (WRITES.has(name)) {
          counts.writeRequests++;
          const input = args.input as Parameters<typeof writeUnits>[1] & {
            RequestItems?: Record<string, unknown[]>;
          };
          counts.writeItems += input.RequestItems
            ? Object.values(input.RequestItems).reduce((n, xs) => n + xs.length, 0)
            : 1;
          counts.writeUnits += writeUnits(name, input);
        } else counts.readRequests++;
        return next(args);
      },
      { step: 'initialize', name: 'benchWriteCounter' },
    );
    return client;
  };
}

/** Ingests the articles one by one into an empty store (pass 1: the events are new),
 *  then each again under another URL (pass 2: every report is a repeat of a known
 *  event); the counts of each pass. */
export async function countWrites(
  bodies: string[],
): Promise<{ first: WriteCounts; repeat: WriteCounts }> {
  const empty = emptyCounts;
  let counts = empty();
  const service = await startLocalService({ client: counter(() => counts) });
  try {
    const seen = new Set<string>();
    const pass = async (variant: (body: Record<string, unknown>) => Record<string, unknown>) => {
      counts = empty();
      for (const body of bodies) {
        const r = await service.app.request('/articles', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(variant(JSON.parse(body) as Record<string, unknown>)),
        });
        if (r.status !== 201 && r.status !== 200) throw new Error(`ingest answered ${r.status}`);
        counts.articles++;
        for (const e of ((await r.json()) as { events: { id: string }[] }).events) {
          if (!seen.has(e.id)) counts.newEvents++;
          seen.add(e.id);
        }
      }
      return counts;
    };
    const first = await pass((b) => b);
    const repeat = await pass((b) => ({
      ...b,
      url: `${String(b.url ?? 'https://no-url.example/')}${String(b.url ?? '').includes('?') ? '&' : '?'}copy=2`,
    }));
    return { first, repeat };
  } finally {
    await service.close();
  }
}

export async function readBodies(dirs: string[]): Promise<string[]> {
  const bodies: string[] = [];
  for (const dir of dirs) {
    let names: string[] = [];
    try {
      names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
    } catch {
      console.warn(`(no articles at ${dir})`);
    }
    for (const n of names) bodies.push(await readFile(join(dir, n), 'utf8'));
  }
  return bodies;
}

if (process.argv[1]?.endsWith('writes.ts')) {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  const { first, repeat } = await countWrites(await readBodies(process.argv.slice(2)));
  const per = (c: WriteCounts, n: number) => ({
    articles: c.articles,
    'new events': c.newEvents,
    'write requests / n': +(c.writeRequests / n).toFixed(2),
    'write items / n': +(c.writeItems / n).toFixed(2),
    'write units / n': +(c.writeUnits / n).toFixed(2),
    'read requests / n': +(c.readRequests / n).toFixed(2),
    requests: c.requests,
  });
  console.log(
    JSON.stringify(
      {
        'per new event (pass 1)': per(first, first.newEvents),
        'per repeat report (pass 2, per article)': per(repeat, repeat.articles),
      },
      null,
      2,
    ),
  );
}
