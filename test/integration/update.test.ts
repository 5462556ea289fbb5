// An event reported twice — announced, then held — stays one item whose id holds,
// whose `updated` moves, and whose calendar SEQUENCE rises, in every format.

import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalService } from '../../infra/local/runtime.js';
import { post, service, statedArticle, statedEvents } from './harness.js';

let s: LocalService;
let clock = Date.parse('2026-02-04T02:00:00Z');
const xml = new XMLParser({ ignoreAttributes: false });
const text = async (path: string) => (await s.app.request(`http://localhost${path}`)).text();

interface Snapshot {
  jsonId: string;
  jsonModified: string;
  atomId: string;
  atomUpdated: string;
  rssGuid: string;
  uid: string;
  sequence: number;
  lastModified: string;
}

async function snapshot(): Promise<Snapshot> {
  const feed = JSON.parse(await text('/feeds/feed.json')) as {
    items: { id: string; date_modified: string }[];
  };
  expect(feed.items).toHaveLength(1);
  const atom = xml.parse(await text('/feeds/atom.xml')) as {
    feed: { entry: { id: string; updated: string } };
  };
  const rss = xml.parse(await text('/feeds/rss.xml')) as {
    rss: { channel: { item: { guid: { '#text': string } } } };
  };
  const ics = (await text('/feeds/calendar.ics')).replace(/\r\n[ \t]/g, '');
  const field = (name: string) =>
    new RegExp(`^${name}[^:]*:(.*)$`, 'm').exec(ics)?.[1]?.trim() ?? '';
  return {
    jsonId: feed.items[0]!.id,
    jsonModified: feed.items[0]!.date_modified,
    atomId: atom.feed.entry.id,
    atomUpdated: atom.feed.entry.updated,
    rssGuid: rss.rss.channel.item.guid['#text'],
    uid: field('UID'),
    sequence: Number(field('SEQUENCE')),
    lastModified: field('LAST-MODIFIED'),
  };
}

beforeAll(async () => {
  s = await service({
    extract: statedEvents,
    now: () => {
      clock += 60_000;
      return new Date(clock);
    },
  });
});
afterAll(() => s.close());

describe('an announced event later reported held', () => {
  it('keeps its id in every format, moves updated and raises SEQUENCE', async () => {
    await post(
      s,
      statedArticle('https://a.test/announced', '2026-02-04T08:00:00+07:00', [
        { status: 'announced' },
      ]),
    );
    const before = await snapshot();

    clock += 86_400_000;
    await post(
      s,
      statedArticle('https://b.test/held', '2026-02-05T21:00:00+07:00', [{ status: 'held' }]),
    );
    const after = await snapshot();

    expect(after.jsonId).toBe(before.jsonId);
    expect(after.atomId).toBe(before.atomId);
    expect(after.rssGuid).toBe(before.rssGuid);
    expect(after.uid).toBe(before.uid);
    expect([after.jsonId, after.atomId, after.rssGuid]).toEqual([
      after.jsonId,
      after.jsonId,
      after.jsonId,
    ]);

    expect(Date.parse(after.jsonModified)).toBeGreaterThan(Date.parse(before.jsonModified));
    expect(Date.parse(after.atomUpdated)).toBeGreaterThan(Date.parse(before.atomUpdated));
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.lastModified > before.lastModified).toBe(true);

    const item = JSON.parse(await text('/feeds/feed.json')) as {
      items: { _diplomacy: { status: string; cameo: string } }[];
    };
    expect(item.items[0]!._diplomacy).toMatchObject({ status: 'held', cameo: '042' });
  });

  it('changes nothing, not even updated, when the same report comes again', async () => {
    const before = await snapshot();
    clock += 86_400_000;
    await post(
      s,
      statedArticle('https://b.test/held', '2026-02-05T21:00:00+07:00', [{ status: 'held' }]),
    );
    expect(await snapshot()).toEqual(before);
  });
});
