// Dates told as they are known, through the real routes on dynalite with a fixed clock:
// `when=upcoming` / `when=past`; an announced event whose date has passed with no report
// since says so in every format; a month-only event is never shown on a known day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalService } from '../../infra/local/runtime.js';
import { allItems, post, service, statedArticle, statedEvents } from '../integration/harness.js';
import { icalEvents, prop, unescapeIcalText } from '../render/helpers.js';

let s: LocalService;
let clock = Date.parse('2026-03-15T12:00:00Z');
const get = (path: string, headers: Record<string, string> = {}) =>
  s.app.request(`http://localhost${path}`, { headers });

const LA = {
  countries: ['LA', 'VN'],
  host: 'LA',
  guest: 'VN',
  location: { place: null, city: null, country: 'LA' },
};
const TH = {
  countries: ['TH', 'VN'],
  host: 'TH',
  guest: 'VN',
  location: { place: null, city: null, country: 'TH' },
  participants: [{ name: 'Phạm Minh Chính', title: 'Thủ tướng', country: 'VN' }],
};
const KH = {
  countries: ['KH', 'VN'],
  host: 'KH',
  guest: 'VN',
  location: { place: null, city: null, country: 'KH' },
  participants: [{ name: 'Bùi Thanh Sơn', title: 'Bộ trưởng Ngoại giao', country: 'VN' }],
};

beforeAll(async () => {
  s = await service({ extract: statedEvents, now: () => new Date(clock) });
  const posts = [
    // announced for September 2024, never reported since: overdue
    statedArticle('https://news.test/la-2024', '2024-08-20T08:00:00+07:00', [
      { ...LA, start: '2024-09', status: 'announced' },
    ]),
    // announced for next month: upcoming
    statedArticle('https://news.test/th-april', '2026-03-01T08:00:00+07:00', [
      { ...TH, start: '2026-04-10', status: 'announced' },
    ]),
    // held at the start of this month: past
    statedArticle('https://news.test/kh-talks', '2026-03-02T08:00:00+07:00', [
      { ...KH, category: 'meeting', type: 'talks', start: '2026-03-01', status: 'held' },
    ]),
    // announced for this month, no day: upcoming (the month has not passed)
    statedArticle('https://news.test/la-march', '2026-03-01T08:00:00+07:00', [
      {
        ...LA,
        type: 'official_visit',
        start: '2026-03',
        status: 'announced',
        participants: [{ name: 'Lương Cường', title: 'Chủ tịch nước', country: 'VN' }],
      },
    ]),
  ];
  for (const body of posts) expect((await post(s, body)).status).toBe(201);
});
afterAll(() => s.close());

const startsOf = async (query: string) =>
  (await allItems(s, query)).map((i) => i._diplomacy.start).sort();

describe('when', () => {
  it('upcoming: starting today or later, a month-only start through its month', async () => {
    expect(await startsOf('?when=upcoming')).toEqual(['2026-03', '2026-04-10']);
  });
  it('past: started before today', async () => {
    expect(await startsOf('?when=past')).toEqual(['2024-09', '2026-03-01']);
  });
  it('combines with the other filters, and is in the self link and the title', async () => {
    expect(await startsOf('?when=UPCOMING&country=TH')).toEqual(['2026-04-10']);
    const feed = (await (await get('/feeds/feed.json?when=upcoming&lang=en')).json()) as {
      title: string;
      feed_url: string;
    };
    expect(feed.feed_url).toBe('http://localhost/feeds/feed.json?when=upcoming&lang=en');
    expect(feed.title).toBe('Bilateral diplomatic events — upcoming');
  });
  it('a page changes with the day even when no article came', async () => {
    const before = (await get('/feeds/feed.json?when=upcoming')).headers.get('etag');
    clock += 86_400_000;
    try {
      const after = await get('/feeds/feed.json?when=upcoming', { 'if-none-match': before! });
      expect(after.status).toBe(200);
    } finally {
      clock -= 86_400_000;
    }
  });
});

describe('an announced event whose date has passed with no report since', () => {
  it('says so in its title and summary, in each language', async () => {
    const [vi] = await allItems(s, '?country=LA&from=2024-09-01&to=2024-09-30');
    expect(vi!.title).toBe(
      'Chuyến thăm cấp Nhà nước của Tổng Bí thư Tô Lâm tới Lào, tháng 9/2024 (dự kiến, chưa có tin xác nhận)',
    );
    const [en] = await allItems(s, '?country=LA&from=2024-09-01&to=2024-09-30&lang=en');
    expect(en!.title).toBe(
      'State visit to Laos by General Secretary To Lam (Vietnam), Sep 2024 — announced, no report since',
    );
    const atom = await (
      await get('/feeds/atom.xml?country=LA&from=2024-09-01&to=2024-09-30')
    ).text();
    expect(atom).toContain(
      'Sự kiện dự kiến diễn ra trong tháng 9/2024 nhưng đến nay chưa có tin xác nhận.',
    );
  });
  it('an upcoming one does not', async () => {
    const [item] = await allItems(s, '?country=TH');
    expect(item!.title).toBe(
      'Chuyến thăm cấp Nhà nước của Thủ tướng Phạm Minh Chính tới Thái Lan, 10/4/2026 (dự kiến)',
    );
  });
});

describe('a month-only event in the calendar', () => {
  it('spans its month, never a known day, and says the day is unknown', async () => {
    const ics = await (await get('/feeds/calendar.ics?country=LA&from=2024-01-01')).text();
    const events = icalEvents(ics);
    const september = events.find((v) => prop(v, 'DTSTART')!.value.startsWith('202409'))!;
    expect(prop(september, 'DTSTART')!.value).toBe('20240901');
    expect(prop(september, 'DTEND')!.value).toBe('20241001');
    expect(unescapeIcalText(prop(september, 'DESCRIPTION')!.value)).toMatch(
      /^Ngày chính xác chưa rõ: bài báo chỉ nêu tháng 9\/2024\./,
    );
    expect(prop(september, 'STATUS')!.value).toBe('TENTATIVE');
  });
});
