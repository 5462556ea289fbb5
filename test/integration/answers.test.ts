// Bounded answers, whatever the articles: a feed page at limit=100 stays under 1 MB in
// every format, and the answer to POST /articles under 64 KB (it lists the events by
// id, title and URL). Worst-case articles through the real routes on dynalite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVIDENCE_FIELDS, type ExtractedEvent } from '../../functions/domain/event.js';
import type { LocalService } from '../../infra/local/runtime.js';
import { post, service, statedArticle, statedEvents } from './harness.js';

const MB = 1024 * 1024;
const long = (s: string, n: number) => s.repeat(Math.ceil(n / s.length)).slice(0, n);

/** The fattest event a stated article can report: long names and titles of twenty
 *  principals, long places, a 5,000-character sentence for every field. */
function fat(day: number, i: number): Partial<ExtractedEvent> {
  const fields = EVIDENCE_FIELDS;
  return {
    start: `2026-03-${String(day).padStart(2, '0')}`,
    participants: Array.from({ length: 30 }, (_, k) => ({
      name: `${i}-${k} ${long('Nguyễn Thị Phương Thảo ', 400)}`,
      title: long('Phó Chủ tịch Ủy ban Thường vụ Quốc hội ', 400),
      country: k % 2 ? 'LA' : 'VN',
    })),
    location: {
      place: long('Cung Văn hóa Hữu nghị Việt – Xô ', 500),
      city: long('Thành phố Hồ Chí Minh ', 300),
      country: 'LA',
    },
    evidence: fields.flatMap((field) =>
      [0, 1, 2].map((n) => ({
        field,
        text: `${n} ${long('Ông nhấn mạnh quan hệ đặc biệt, ', 5000)}`,
      })),
    ),
  };
}

let s: LocalService;
beforeAll(async () => {
  s = await service({ extract: statedEvents });
  // 100 events (distinct days and principals), each from three articles: one with a
  // 2,048-character URL and a 1,000-character title, two more
  for (let i = 0; i < 100; i++) {
    const day = 1 + (i % 28);
    const month = String(1 + Math.floor(i / 28)).padStart(2, '0');
    for (let a = 0; a < 3; a++) {
      const base = `https://outlet${a}.example/${month}/${i}/`;
      const url =
        a === 0 ? base + long('bai-viet-', 2048 - base.length) : `${base}${long('x', 150)}`;
      const body = JSON.parse(
        statedArticle(url, `2026-0${month.slice(1)}-01T08:00:00+07:00`, [
          { ...fat(day, i), start: `2026-${month}-${String(day).padStart(2, '0')}` },
        ]),
      ) as Record<string, unknown>;
      body.title = long('Tiêu đề rất dài về chuyến thăm ', 1000);
      const r = await post(s, JSON.stringify(body));
      expect(r.status, `${i}/${a}`).toBe(201);
    }
  }
}, 300_000);
afterAll(() => s.close());

describe('bounded answers', () => {
  it.each(['/feeds/feed.json', '/feeds/atom.xml', '/feeds/rss.xml', '/feeds/calendar.ics', '/'])(
    '%s?limit=100 stays under 1 MB',
    async (path) => {
      const r = await s.app.request(`${path}?limit=100`);
      expect(r.status).toBe(200);
      const text = await r.text();
      const bytes = Buffer.byteLength(text);
      console.log(`${path}?limit=100: ${(bytes / 1024).toFixed(0)} KB`);
      // every event is on the page
      expect(text.split('/events/').length - 1).toBeGreaterThanOrEqual(100);
      expect(bytes).toBeLessThan(MB);
    },
  );

  it('answers POST /articles under 64 KB for an article of 60 fat events (50 taken)', async () => {
    const slim = (e: Partial<ExtractedEvent>): Partial<ExtractedEvent> => ({
      ...e,
      participants: e
        .participants!.slice(0, 10)
        .map((p) => ({ ...p, name: p.name.slice(-100), title: p.title!.slice(0, 100) })),
      evidence: e
        .evidence!.filter((x) => x.field === 'start' && x.text.startsWith('0'))
        .map((x) => ({ ...x, text: x.text.slice(0, 300) })),
      location: {
        place: e.location!.place!.slice(0, 100),
        city: e.location!.city!.slice(0, 100),
        country: 'LA',
      },
    });
    const events = Array.from({ length: 60 }, (_, i) => ({
      ...slim(fat(1 + (i % 28), 1000 + i)),
      type: 'talks' as const,
      category: 'meeting' as const,
      start: `2026-09-${String(1 + (i % 28)).padStart(2, '0')}`,
    }));
    const body = statedArticle(
      `https://big.example/${long('a', 2000)}`,
      '2026-09-01T08:00:00+07:00',
      events,
    );
    expect(body.length).toBeLessThan(1024 * 1024);
    const r = await s.app.request('/articles', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const text = await r.text();
    expect(r.status, text.slice(0, 300)).toBe(201);
    const json = JSON.parse(text) as { events: { id: string; url: string; title: string }[] };
    expect(json.events.length).toBeGreaterThan(0);
    expect(json.events.length).toBeLessThanOrEqual(50);
    expect(Object.keys(json.events[0]!).sort()).toEqual(['id', 'title', 'url']);
    console.log(
      `ingest answer: ${json.events.length} events, ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`,
    );
    expect(Buffer.byteLength(text)).toBeLessThan(64 * 1024);
  });
});
