// Nothing grows without bound, on both engines (dynalite in process; DynamoDB Local,
// the official engine, skipped with a message when its jar or Java is missing):
//  - an event reported by 1,000 articles (long URLs, long titles, one 190,000-character
//    text) still takes a new report and lists all of them through GET /events/{id};
//  - a country set holding 20,000 events takes a new one;
//  - no stored item nears DynamoDB's limit (none over 64 KB) in either case.
// Through the real routes and the real AWS SDK.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerKey } from '../../functions/domain/identity.js';
import type { LedgerEntry } from '../../functions/domain/ledger.js';
import { type LocalEngine, startDynalite } from '../../infra/local/dynalite.js';
import { type LocalService, startLocalService } from '../../infra/local/runtime.js';
import { statedArticle, statedEvents } from '../integration/harness.js';
import {
  type DynamoDbLocal,
  dynamoDbLocalAvailability,
  startDynamoDbLocal,
} from './dynamodb-local.js';
import { type Item, scanTable } from './state.js';

const ARTICLES = 1_000;
const BIG_TEXT_CHARS = 190_000;
const ITEM_LIMIT_BYTES = 64 * 1024;

/** An item's size as DynamoDB counts it: attribute names and values, strings in UTF-8
 *  bytes, numbers at most 21 bytes. */
function itemBytes(item: Item): number {
  let n = 0;
  for (const [name, value] of Object.entries(item)) {
    n += Buffer.byteLength(name, 'utf8');
    n +=
      typeof value === 'string'
        ? Buffer.byteLength(value, 'utf8')
        : typeof value === 'number'
          ? 21
          : Buffer.byteLength(JSON.stringify(value), 'utf8');
  }
  return n;
}

function largest(items: Item[]): { key: string; bytes: number } {
  let best = { key: '-', bytes: 0 };
  for (const item of items) {
    const bytes = itemBytes(item);
    if (bytes > best.bytes) best = { key: `${item.pk} ${item.sk}`.slice(0, 80), bytes };
  }
  return best;
}

/** Article `i` about the one LA–VN state visit: every tenth with a ~1,900-character
 *  URL, every tenth (others) with a 1,000-character title, number 500 with a
 *  190,000-character text. */
function article(i: number): string {
  const url = `https://outlet${i % 7}.example/${i % 10 === 0 ? `${'tin-tuc-'.repeat(235)}` : 'tin'}/${i}`;
  const sentence =
    i === 500
      ? `Tổng Bí thư Tô Lâm sẽ thăm cấp Nhà nước Lào${', theo lời mời'.repeat(13_560)}.`
      : `the sentence in ${i}`;
  const body = JSON.parse(
    statedArticle(url, `2026-02-04T08:${String(i % 60).padStart(2, '0')}:00+07:00`, [
      {
        evidence: [
          { field: 'start', text: sentence },
          { field: 'type', text: `the type in ${i}` },
        ],
      },
    ]),
  ) as Record<string, unknown>;
  if (i % 10 === 3) body.title = 'Tiêu đề rất dài '.repeat(63).slice(0, 1000);
  if (i === 500) expect(String(body.text).length).toBeGreaterThanOrEqual(BIG_TEXT_CHARS);
  return JSON.stringify(body);
}

async function post(s: LocalService, body: string) {
  const r = await s.app.request('/articles', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { status: r.status, json: (await r.json()) as { events?: { url: string }[] } };
}

interface Engine {
  name: string;
  endpoint(): string;
}

const figures: Record<string, unknown>[] = [];

function suite(engine: Engine) {
  it(`an event reported by ${ARTICLES} articles takes one more and lists them all`, async () => {
    const table = 'bounds-many';
    const s = await startLocalService({
      endpoint: engine.endpoint(),
      tableName: table,
      extract: statedEvents,
    });
    try {
      let id = '';
      for (let i = 0; i < ARTICLES; i++) {
        const r = await post(s, article(i));
        expect(r.status, `article ${i}`).toBe(201);
        const eventId = r.json.events![0]!.url.split('/').pop()!;
        if (i === 0) id = eventId;
        expect(eventId, `article ${i} joins the one event`).toBe(id);
      }
      // one more, and it is taken
      const more = await post(s, article(ARTICLES));
      expect(more.status).toBe(201);

      const page = await s.app.request(`/events/${id}`, {
        headers: { accept: 'application/json' },
      });
      expect(page.status).toBe(200);
      const item = (await page.json()) as {
        _diplomacy: { sources: { url: string }[]; sources_total: number };
      };
      expect(item._diplomacy.sources_total).toBe(ARTICLES + 1);
      expect(new Set(item._diplomacy.sources.map((x) => x.url)).size).toBe(ARTICLES + 1);

      // the feeds show the head: a few sources and the count
      const feed = (await (await s.app.request('/feeds/feed.json')).json()) as {
        items: { _diplomacy: { sources: unknown[]; sources_total: number } }[];
      };
      expect(feed.items).toHaveLength(1);
      expect(feed.items[0]!._diplomacy.sources_total).toBe(ARTICLES + 1);
      expect(feed.items[0]!._diplomacy.sources.length).toBeLessThanOrEqual(10);

      const items = await scanTable(engine.endpoint(), table);
      const big = largest(items);
      figures.push({
        engine: engine.name,
        case: `${ARTICLES + 1} articles, one event`,
        items: items.length,
        'largest item': big.key,
        bytes: big.bytes,
      });
      expect(big.bytes, big.key).toBeLessThan(ITEM_LIMIT_BYTES);
    } finally {
      await s.close();
    }
  }, 900_000);

  it('a country set holding 20,000 events takes a new one', async () => {
    const table = 'bounds-ledgers';
    const s = await startLocalService({
      endpoint: engine.endpoint(),
      tableName: table,
      extract: statedEvents,
    });
    try {
      // 20,000 JP–VN visits over 27 years, straight into the ledgers (as ingests of
      // them would leave the ledgers): ~62 a month
      const ledger = ledgerKey({ category: 'visit', countries: ['JP', 'VN'] });
      let n = 0;
      for (let year = 2000; year <= 2026; year++) {
        for (let month = 1; month <= 12; month++) {
          const ym = `${year}-${String(month).padStart(2, '0')}`;
          const entries: LedgerEntry[] = [];
          const count = Math.min(62, 20_000 - n);
          for (let k = 0; k < count; k++, n++) {
            entries.push({
              id: `synthetic${n}`,
              types: ['official_visit'],
              dates: [[`${ym}-${String(1 + (k % 28)).padStart(2, '0')}`, null]],
              names: { VN: [`Synthetic Envoy ${n}`] },
              reports: [`synthetic:${n}#0`],
            });
          }
          if (entries.length > 0)
            expect(await s.store.writeLedger(ledger, ym, entries, 0)).toBe(true);
        }
      }
      expect(n).toBe(20_000);
      const r = await post(
        s,
        statedArticle('https://news.example/jp-vn', '2026-05-01T08:00:00+07:00', [
          {
            type: 'official_visit',
            start: '2026-05-14',
            countries: ['JP', 'VN'],
            host: 'JP',
            guest: 'VN',
            participants: [
              { name: 'Phạm Minh Chính', title: 'Thủ tướng', country: 'VN' },
              { name: 'Takaichi Sanae', title: null, country: 'JP' },
            ],
            location: { place: null, city: 'Tokyo', country: 'JP' },
          },
        ]),
      );
      expect(r.status).toBe(201);
      const id = r.json.events![0]!.url.split('/').pop()!;
      expect(id.startsWith('synthetic')).toBe(false);
      expect((await s.app.request(`/events/${id}`)).status).toBe(200);
      const items = await scanTable(engine.endpoint(), table);
      const big = largest(items);
      figures.push({
        engine: engine.name,
        case: '20,000 events in one country set',
        items: items.length,
        'largest item': big.key,
        bytes: big.bytes,
      });
      expect(big.bytes, big.key).toBeLessThan(ITEM_LIMIT_BYTES);
    } finally {
      await s.close();
    }
  }, 300_000);
}

afterAll(() => {
  console.log('bounds: the largest stored item per case and engine');
  console.table(figures);
});

describe('bounds on dynalite', () => {
  let dynalite: LocalEngine;
  beforeAll(async () => {
    dynalite = await startDynalite();
  });
  afterAll(() => dynalite.close());
  suite({ name: 'dynalite 4', endpoint: () => dynalite.endpoint });
});

const available = dynamoDbLocalAvailability();
if (!available.ok) console.warn(`SKIPPED: the DynamoDB Local bounds — ${available.reason}`);

describe.skipIf(!available.ok)('bounds on DynamoDB Local (the official engine)', () => {
  let local: DynamoDbLocal;
  beforeAll(async () => {
    local = await startDynamoDbLocal();
  }, 60_000);
  afterAll(() => local?.stop());
  suite({ name: 'DynamoDB Local', endpoint: () => local.endpoint });
});
