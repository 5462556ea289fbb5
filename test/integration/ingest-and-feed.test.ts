// The service end to end on dynalite: the seeds in, the feeds out, repeats and races.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalService } from '../../infra/local/runtime.js';
import { allItems, post, seedArticles, service, statedArticle, statedEvents } from './harness.js';

let running: LocalService[] = [];
async function start(options: Parameters<typeof service>[0] = {}) {
  const s = await service(options);
  running.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(running.map((s) => s.close()));
  running = [];
});

describe('seeds through the real handlers', () => {
  it('lists events from every seed article, and a repeat changes nothing', async () => {
    const s = await start();
    const seeds = await seedArticles();
    const first = new Map<string, string[]>();
    for (const seed of seeds) {
      const r = await post(s, seed.body);
      expect(r.status, seed.file).toBe(201);
      const ids = (r.json.events as { id: string }[]).map((e) => e.id);
      expect(ids.length, `${seed.file} yields events`).toBeGreaterThan(0);
      first.set(seed.file, ids);
    }
    const items = await allItems(s);
    const titles = new Set(seeds.map((seed) => JSON.parse(seed.body).title as string));
    const cited = new Set(items.flatMap((i) => i._diplomacy.sources.map((src) => src.title)));
    for (const title of titles) expect(cited, `an event cites "${title}"`).toContain(title);

    const before = await s.app.request('/feeds/feed.json');
    for (const seed of seeds) {
      const again = await post(s, seed.body);
      expect(again.status).toBe(200);
      expect((again.json.events as { id: string }[]).map((e) => e.id)).toEqual(
        first.get(seed.file),
      );
    }
    const after = await s.app.request('/feeds/feed.json');
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
    expect(await after.text()).toBe(await before.text());
    expect(await allItems(s)).toHaveLength(items.length);
  });

  it('keeps the same events with the same ids across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'diplomacy-feed-'));
    try {
      const first = await service({ dataDir: dir });
      for (const seed of await seedArticles()) await post(first, seed.body);
      const before = (await allItems(first)).map((i) => i.id).sort();
      await first.close();

      const second = await service({ dataDir: dir });
      const after = (await allItems(second)).map((i) => i.id).sort();
      for (const seed of await seedArticles())
        expect((await post(second, seed.body)).status).toBe(200);
      expect((await allItems(second)).map((i) => i.id).sort()).toEqual(before);
      await second.close();
      expect(after).toEqual(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('bad input', () => {
  it.each([
    ['malformed JSON', '{"text": "abc", ', 'body'],
    ['an array', '[1,2]', 'body'],
    ['no text', JSON.stringify({ publishedAt: '2026-02-05' }), 'text'],
    ['a blank text', JSON.stringify({ publishedAt: '2026-02-05', text: '   ' }), 'text'],
  ])(
    'answers %s with 400 problem+json naming the field, and stores nothing',
    async (_name, body, field) => {
      const s = await start();
      const r = await post(s, body);
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(r.json.status).toBe(400);
      expect((r.json['invalid-params'] as { name: string }[])[0]!.name).toBe(field);
      expect(await allItems(s)).toEqual([]);
      expect(await s.store.getViewMetas(['*'])).toEqual([null]);
    },
  );

  it('answers an over-large body with 413', async () => {
    const s = await start();
    const r = await post(
      s,
      JSON.stringify({ publishedAt: '2026-02-05', text: 'á'.repeat(600_000) }),
    );
    expect(r.status).toBe(413);
    expect(await s.store.getViewMetas(['*'])).toEqual([null]);
  });
});

describe('merging and races', () => {
  const announcement = statedArticle('https://a.test/announced', '2026-02-04T08:00:00+07:00', [{}]);
  const report = statedArticle('https://b.test/held', '2026-02-05T21:00:00+07:00', [
    { status: 'held', participants: [{ name: 'Thongloun Sisoulith', title: null, country: 'LA' }] },
    {
      category: 'meeting',
      type: 'courtesy_call',
      status: 'held',
      participants: [{ name: 'Sonexay Siphandone', title: 'Thủ tướng', country: 'LA' }],
      partOf: 0,
    },
  ]);

  it('merges an announcement and a report into one held event, keeping its id', async () => {
    const s = await start({ extract: statedEvents });
    const a = await post(s, announcement);
    const id = (a.json.events as { id: string }[])[0]!.id;
    const b = await post(s, report);
    const ids = (b.json.events as { id: string }[]).map((e) => e.id);
    expect(ids[0]).toBe(id);
    const items = await allItems(s);
    expect(items).toHaveLength(2);
    const visit = items.find((i) => i.id === id)!;
    expect(visit._diplomacy.status).toBe('held');
    expect(visit._diplomacy.sources.map((x) => x.url)).toEqual([
      'https://a.test/announced',
      'https://b.test/held',
    ]);
    const call = items.find((i) => i.id !== id)!;
    expect(call._diplomacy.part_of).toBe(id);
  });

  it('makes one event with every source when articles about it race (10 rounds of 6)', async () => {
    for (let round = 0; round < 10; round++) {
      const s = await start({ extract: statedEvents });
      const articles = Array.from({ length: 6 }, (_, i) =>
        statedArticle(
          `https://outlet${i}.test/r${round}`,
          `2026-02-0${4 + (i % 2)}T08:00:00+07:00`,
          [
            {
              start: i % 3 === 0 ? '2026-02-06' : '2026-02-05',
              status: i % 2 ? 'held' : 'announced',
            },
          ],
        ),
      );
      const answers = await Promise.all([...articles, ...articles].map((body) => post(s, body)));
      expect(answers.every((r) => r.status === 200 || r.status === 201)).toBe(true);
      expect(answers.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(6);
      const items = await allItems(s);
      expect(items, `round ${round}`).toHaveLength(1);
      expect(new Set(items[0]!._diplomacy.sources.map((x) => x.url)).size).toBe(6);
      expect(items[0]!._diplomacy.status).toBe('held');
      await s.close();
      running = running.filter((r) => r !== s);
    }
  });

  it('merges the two seed articles about the 2026 state visit when they race', async () => {
    const seeds = await seedArticles();
    const pair = seeds.filter((x) => x.file.startsWith('000_') || x.file.startsWith('004_'));
    expect(pair).toHaveLength(2);
    for (let round = 0; round < 5; round++) {
      const s = await start();
      const answers = await Promise.all(pair.map((x) => post(s, x.body)));
      expect(answers.map((r) => r.status)).toEqual([201, 201]);
      const visits = (await allItems(s, '?type=state_visit')).filter((i) =>
        i._diplomacy.start.startsWith('2026-02'),
      );
      expect(visits, `round ${round}`).toHaveLength(1);
      expect(visits[0]!._diplomacy.sources).toHaveLength(2);
      await s.close();
      running = running.filter((r) => r !== s);
    }
  });
});
