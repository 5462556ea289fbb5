// Group "scale": the cost of a feed page as the table grows. A dynalite store in
// memory is filled with synthetic events (built as ingest-article.ts builds a new
// event; each written with one BatchWriteItem holding the event item and its ≤24
// postings, in exactly the shapes DynamoStore.putEvent + syncPostings write — about 3×
// faster on dynalite than those two calls), then a feed page
// (queryFeed, limit 50) and filtered pages are timed and their reads counted — items
// returned by Query/BatchGetItem/GetItem, summed by a middleware on the SDK client that
// every store call goes through — at a small and a large size; ratio large/small.
// Also counts what a conditional GET answered 304 reads through the app.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { FeedQuery } from '../functions/domain/feed-query.js';
import type { Report } from '../functions/domain/report.js';
import { eventItem, reportItem } from '../functions/store/dynamo-store.js';
import type { StoredEvent } from '../functions/store/items.js';
import { splitPosting } from '../functions/store/postings.js';
import { keys } from '../functions/store/table.js';
import { LOCAL_TABLE, startLocalService } from '../infra/local/runtime.js';
import { reportsOf, rng, syntheticStoredEvent } from './fixtures.js';
import { type Figure, fmt, type GroupResult, loadArticles, median, table, verdict } from './lib.js';

const SMALL = 1_000;
const PROBE = 10_000;
const WANTED_LARGE = 100_000;
/** Seconds of filling the default run allows; BENCH_SCALE_FULL=1 fills all 100,000
 *  events however long it takes (~10 min here), for the recorded figure. */
const FILL_BUDGET_S = process.env.BENCH_SCALE_FULL === '1' ? Number.POSITIVE_INFINITY : 120;
const CONCURRENCY = 32;
const REPS = 15;
const GOAL_RATIO = 1.5;

interface Counter {
  requests: number;
  items: number;
  byCommand: Record<string, number>;
}

/** Counts every request and every item it returned (Item, Items, Responses). */
function counting(counter: Counter, keep: (client: DynamoDBClient) => void) {
  return (client: DynamoDBClient): DynamoDBClient => {
    keep(client);
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        const out = result.output as {
          Item?: unknown;
          Items?: unknown[];
          Responses?: Record<string, unknown[]>;
        };
        let items = 0;
        if (out.Item) items += 1;
        if (out.Items) items += out.Items.length;
        if (out.Responses) for (const rs of Object.values(out.Responses)) items += rs.length;
        counter.requests++;
        counter.items += items;
        const name = context.commandName ?? 'unknown';
        counter.byCommand[name] = (counter.byCommand[name] ?? 0) + 1;
        return result;
      },
      { step: 'initialize', name: 'benchReadCounter' },
    );
    return client;
  };
}

type Q = Pick<FeedQuery, 'country' | 'type' | 'status' | 'from' | 'to' | 'limit'>;
const QUERIES: { name: string; query: Q; path: string }[] = [
  {
    name: 'feed page (all)',
    query: { country: [], type: [], limit: 50 },
    path: '/feeds/feed.json',
  },
  {
    name: 'country=VN&type=visit',
    query: { country: ['VN'], type: ['visit'], limit: 50 },
    path: '/feeds/feed.json?country=VN&type=visit',
  },
  {
    name: 'country=VN&type=state_visit,talks',
    query: { country: ['VN'], type: ['state_visit', 'talks'], limit: 50 },
    path: '/feeds/feed.json?country=VN&type=state_visit,talks',
  },
];

interface Measure {
  ms: number;
  items: number;
  requests: number;
  events: number;
  appMs: number;
  appItems: number;
}

export async function scale(): Promise<GroupResult> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const counter: Counter = { requests: 0, items: 0, byCommand: {} };
  let raw: DynamoDBClient | null = null;
  const service = await startLocalService({ client: counting(counter, (c) => (raw = c)) });
  try {
    const { store, app } = service;
    const db = raw!;
    /** the event item and its postings, as DynamoStore.putEvent and syncPostings write them */
    const write = async ({ event, report }: { event: StoredEvent; report: Report }) => {
      const requests: Record<string, unknown>[] = [
        { PutRequest: { Item: eventItem(event) } },
        { PutRequest: { Item: reportItem(event.id, report) } },
      ];
      for (const posting of event.postings) {
        const { view, sort } = splitPosting(posting);
        requests.push({
          PutRequest: { Item: { pk: keys.feedPartition(view), sk: sort, id: event.id } },
        });
      }
      for (let i = 0; i < requests.length; i += 25) {
        let pending = requests.slice(i, i + 25);
        for (let attempt = 0; pending.length > 0; attempt++) {
          if (attempt > 8) throw new Error('BatchWriteItem left items unprocessed');
          const out = await db.send(
            new BatchWriteItemCommand({
              RequestItems: {
                [LOCAL_TABLE]: pending.map((r) => ({
                  PutRequest: {
                    Item: marshall((r.PutRequest as { Item: Record<string, unknown> }).Item, {
                      removeUndefinedValues: true,
                    }),
                  },
                })),
              },
            }),
          );
          pending = (out.UnprocessedItems?.[LOCAL_TABLE] ?? []).map((r) => ({
            PutRequest: { Item: unmarshall(r.PutRequest!.Item!) },
          }));
        }
      }
    };
    const { seeds, devset } = await loadArticles();
    const templates = reportsOf([...seeds, ...devset]);
    const random = rng(20261122);
    let filled = 0;
    let postings = 0;

    const fill = async (to: number) => {
      const started = performance.now();
      const from = filled;
      let next = from;
      const worker = async () => {
        while (next < to) {
          const synthetic = syntheticStoredEvent(templates, next++, random);
          await write(synthetic);
          postings += synthetic.event.postings.length;
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      filled = to;
      return { events: to - from, seconds: (performance.now() - started) / 1000 };
    };

    const measure = async (): Promise<Map<string, Measure>> => {
      const out = new Map<string, Measure>();
      for (const q of QUERIES) {
        for (let i = 0; i < 5; i++) await store.queryFeed(q.query, null); // warm-up
        const before = { ...counter };
        const first = await store.queryFeed(q.query, null);
        const items = counter.items - before.items;
        const requests = counter.requests - before.requests;
        const times: number[] = [];
        for (let i = 0; i < REPS; i++) {
          const s = performance.now();
          await store.queryFeed(q.query, null);
          times.push(performance.now() - s);
        }
        // the whole request through the app: meta read, query, batch get, render
        await app.request(q.path);
        const appBefore = counter.items;
        const res = await app.request(q.path);
        if (res.status !== 200) throw new Error(`${q.path} answered ${res.status}`);
        await res.arrayBuffer();
        const appItems = counter.items - appBefore;
        const appTimes: number[] = [];
        for (let i = 0; i < Math.ceil(REPS / 3); i++) {
          const s = performance.now();
          await (await app.request(q.path)).arrayBuffer();
          appTimes.push(performance.now() - s);
        }
        out.set(q.name, {
          ms: median(times),
          items,
          requests,
          events: first.events.length,
          appMs: median(appTimes),
          appItems,
        });
      }
      return out;
    };

    // the 304 path: requests and items of one conditional GET through the app
    const conditional = async () => {
      const full = await app.request('/feeds/feed.json');
      await full.arrayBuffer();
      const etag = full.headers.get('etag') ?? '';
      const before = {
        requests: counter.requests,
        items: counter.items,
        byCommand: { ...counter.byCommand },
      };
      const res = await app.request('/feeds/feed.json', { headers: { 'if-none-match': etag } });
      const commands = Object.fromEntries(
        Object.entries(counter.byCommand)
          .map(([k, v]) => [k, v - (before.byCommand[k] ?? 0)] as const)
          .filter(([, v]) => v > 0),
      );
      return {
        status: res.status,
        requests: counter.requests - before.requests,
        items: counter.items - before.items,
        commands,
      };
    };

    // small
    const smallFill = await fill(SMALL);
    // the items read back as the store's own (zod-checked) events
    const check = await store.queryFeed({ country: [], type: [], limit: 50 }, null);
    if (check.events.length !== 50 || !(await store.getEvent(check.events[0]!.id)))
      throw new Error('synthetic events do not read back');
    const small = await measure();
    const small304 = await conditional();

    // probe to PROBE, extrapolate to WANTED_LARGE
    const probe = await fill(PROBE);
    const rate = probe.events / probe.seconds;
    const projected = (WANTED_LARGE - PROBE) / rate;
    let large = WANTED_LARGE;
    let note: string;
    if (projected + probe.seconds > FILL_BUDGET_S) {
      const fits = Math.floor((rate * FILL_BUDGET_S) / 5_000) * 5_000;
      large = Math.max(PROBE, Math.min(WANTED_LARGE, fits));
      note = `filling ${WANTED_LARGE.toLocaleString('en-US')} events would take ~${fmt((WANTED_LARGE - SMALL) / rate, 0)} s at the measured ${fmt(rate, 0)} events/s (${CONCURRENCY} parallel writers); the large size is ${large.toLocaleString('en-US')} events, what fits in ~${FILL_BUDGET_S} s of filling`;
    } else {
      note = `filled ${WANTED_LARGE.toLocaleString('en-US')} events (projected ${fmt(projected, 0)} s after the probe)`;
    }
    let rest = { events: 0, seconds: 0 };
    if (large > filled) rest = await fill(large);
    const fillSeconds = smallFill.seconds + probe.seconds + rest.seconds;
    const big = await measure();
    const large304 = await conditional();

    const figures: Figure[] = [];
    const rows: (string | number)[][] = [];
    let allMet = true;
    for (const q of QUERIES) {
      const s = small.get(q.name)!;
      const l = big.get(q.name)!;
      const timeRatio = l.ms / s.ms;
      const itemRatio = l.items / s.items;
      const met = timeRatio <= GOAL_RATIO && itemRatio <= GOAL_RATIO;
      allMet &&= met;
      figures.push({
        name: `${q.name}: queryFeed time at ${large.toLocaleString('en-US')} events`,
        value: l.ms,
        unit: 'ms',
        baseline: {
          name: `same query at ${SMALL.toLocaleString('en-US')} events`,
          value: s.ms,
          unit: 'ms',
        },
        ratio: timeRatio,
        goal: `large/small ≤ ${GOAL_RATIO}`,
        met: timeRatio <= GOAL_RATIO,
        extra: { small: s, large: l },
      });
      figures.push({
        name: `${q.name}: items read at ${large.toLocaleString('en-US')} events`,
        value: l.items,
        unit: 'items',
        baseline: {
          name: `same query at ${SMALL.toLocaleString('en-US')} events`,
          value: s.items,
          unit: 'items',
        },
        ratio: itemRatio,
        goal: `large/small ≤ ${GOAL_RATIO}`,
        met: itemRatio <= GOAL_RATIO,
      });
      rows.push([
        q.name,
        s.ms,
        l.ms,
        `${fmt(timeRatio)}×`,
        `${s.items} / ${s.requests}`,
        `${l.items} / ${l.requests}`,
        `${fmt(itemRatio)}×`,
        s.appMs,
        l.appMs,
        `${s.events}/${l.events}`,
        verdict(met),
      ]);
    }
    figures.push({
      name: 'conditional GET /feeds/feed.json answered 304: store requests',
      value: large304.requests,
      unit: 'requests',
      goal: '≤ 1 store read',
      met:
        large304.status === 304 &&
        large304.requests <= 1 &&
        small304.status === 304 &&
        small304.requests <= 1,
      extra: { small: small304, large: large304 },
    });

    console.log(
      table(
        `scale — dynalite in memory, ${SMALL.toLocaleString('en-US')} vs ${large.toLocaleString('en-US')} synthetic events (${postings.toLocaleString('en-US')} postings), median of ${REPS} queryFeed calls`,
        [
          'query (limit 50)',
          `ms @${SMALL / 1000}k`,
          `ms @${large / 1000}k`,
          'time ratio',
          `items/reqs @${SMALL / 1000}k`,
          `items/reqs @${large / 1000}k`,
          'items ratio',
          `app ms @${SMALL / 1000}k`,
          `app ms @${large / 1000}k`,
          'events',
          'goal ≤1.5',
        ],
        rows,
      ),
    );
    console.log(
      table(
        'conditional GET answered 304 (through the app)',
        ['size', 'status', 'store requests', 'items read', 'commands'],
        [
          [
            SMALL.toLocaleString('en-US'),
            String(small304.status),
            String(small304.requests),
            String(small304.items),
            JSON.stringify(small304.commands),
          ],
          [
            large.toLocaleString('en-US'),
            String(large304.status),
            String(large304.requests),
            String(large304.items),
            JSON.stringify(large304.commands),
          ],
        ],
      ),
    );
    console.log(
      `  fill: ${fmt(fillSeconds, 1)} s for ${filled.toLocaleString('en-US')} events; probe rate ${fmt(rate, 0)} events/s (${CONCURRENCY} parallel writers)`,
    );
    console.log(`  ${note}`);
    console.log(`  page cost large/small ≤ ${GOAL_RATIO}: ${verdict(allMet)}`);

    return {
      group: 'scale',
      command: 'npm run bench -- scale',
      startedAt,
      durationMs: performance.now() - t0,
      figures,
      notes: [
        note,
        `fill rate ${fmt(rate, 0)} events/s (one 25-item BatchWriteItem per event, ${CONCURRENCY} parallel writers), ${fmt(fillSeconds, 1)} s in all`,
        'items = items returned by the store (Query Items + BatchGetItem Responses + GetItem Item); reqs = DynamoDB requests; app ms = the whole GET through app.request (meta read, query, batch get, render JSON Feed)',
      ],
      tables: {
        small: Object.fromEntries(small),
        large: Object.fromEntries(big),
        sizes: { small: SMALL, large, postings },
      },
    };
  } finally {
    await service.close();
  }
}
