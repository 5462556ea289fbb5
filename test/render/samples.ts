// Sample DiplomaticEvents and FeedPages for the renderer tests. Every event is checked
// against the domain's zod schema, so the tests render only what the store can hold.
import { DiplomaticEvent } from '../../functions/domain/event.js';
import type { FeedPage } from '../../functions/render/types.js';
import { facts } from '../domain/samples.js';

type Event = DiplomaticEvent;

export const BASE_URL = 'https://feeds.example.org';

/** The announced state visit of CONTRACT §3. */
export function stateVisit(overrides: Partial<Event> = {}): Event {
  return DiplomaticEvent.parse({
    id: 'vn-la-2026-02-05-state-visit',
    ...facts(),
    part_of: null,
    cameo: '036',
    sources: [
      {
        url: 'https://news.example.vn/2026/02/04/to-lam-lao',
        title: 'Tổng Bí thư Tô Lâm sẽ thăm cấp Nhà nước Lào',
        published: '2026-02-04T08:00:00+07:00',
        outlet: 'Báo Mẫu',
      },
      { url: null, title: null, published: '2026-02-04T09:00:00+07:00' },
    ],
    evidence: [
      {
        field: 'start',
        text: 'Tổng Bí thư Tô Lâm sẽ thực hiện chuyến thăm cấp Nhà nước tới Lào vào ngày 5/2.',
        source: 'https://news.example.vn/2026/02/04/to-lam-lao',
      },
    ],
    published: '2026-02-04T01:00:00.000Z',
    modified: '2026-02-04T02:30:00.000Z',
    revision: 2,
    ...overrides,
  });
}

/** Talks held during the visit, in Vientiane, over two days. */
export function talks(overrides: Partial<Event> = {}): Event {
  return DiplomaticEvent.parse({
    ...stateVisit(),
    id: 'vn-la-2026-02-05-talks',
    category: 'meeting',
    type: 'talks',
    status: 'held',
    start: '2026-02-05',
    end: '2026-02-06',
    location: { place: 'Phủ Chủ tịch', city: 'Viêng Chăn', country: 'LA' },
    part_of: 'vn-la-2026-02-05-state-visit',
    cameo: '040',
    published: '2026-02-05T10:00:00.000Z',
    modified: '2026-02-06T10:00:00.000Z',
    revision: 0,
    ...overrides,
  });
}

/** A phone call with only one principal named, reported with a month-only date. */
export function phoneCall(overrides: Partial<Event> = {}): Event {
  return DiplomaticEvent.parse({
    ...stateVisit(),
    id: 'vn-jp-2026-03-phone',
    category: 'meeting',
    type: 'phone_call',
    status: 'held',
    start: '2026-03',
    end: null,
    countries: ['JP', 'VN'],
    host: null,
    guest: null,
    participants: [{ name: 'Phạm Minh Chính', title: 'Thủ tướng', country: 'VN' }],
    location: { place: null, city: null, country: null },
    cameo: '041',
    sources: [
      {
        url: 'https://news.example.vn/call',
        title: 'Điện đàm',
        published: '2026-03-10T08:00:00+07:00',
      },
    ],
    evidence: [],
    published: '2026-03-10T01:00:00.000Z',
    modified: '2026-03-10T01:00:00.000Z',
    revision: 0,
    ...overrides,
  });
}

export function samplePage(
  events: Event[] = [stateVisit(), talks(), phoneCall()],
  overrides: Partial<FeedPage> = {},
): FeedPage {
  const base = overrides.baseUrl ?? BASE_URL;
  return {
    events,
    baseUrl: base,
    selfUrl: `${base}/feeds/atom.xml?country=LA`,
    nextUrl: `${base}/feeds/atom.xml?country=LA&cursor=abc`,
    lang: null,
    updated: '2026-03-10T01:00:00.000Z',
    alternates: {
      atom: `${base}/feeds/atom.xml?country=LA`,
      rss: `${base}/feeds/rss.xml?country=LA`,
      json: `${base}/feeds/feed.json?country=LA`,
      ics: `${base}/feeds/calendar.ics?country=LA`,
      html: `${base}/?country=LA`,
    },
    filterLabel: 'Lào',
    ...overrides,
  };
}
