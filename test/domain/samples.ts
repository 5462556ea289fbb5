// Builders of valid domain values for tests.
import type { EventFacts } from '../../functions/domain/event.js';
import type { Report } from '../../functions/domain/report.js';

export function facts(overrides: Partial<EventFacts> = {}): EventFacts {
  return {
    category: 'visit',
    type: 'state_visit',
    status: 'announced',
    start: '2026-02-05',
    end: null,
    countries: ['LA', 'VN'],
    host: 'LA',
    guest: 'VN',
    participants: [
      { name: 'Tô Lâm', title: 'Tổng Bí thư', country: 'VN' },
      { name: 'Thongloun Sisoulith', title: 'Tổng Bí thư, Chủ tịch nước', country: 'LA' },
    ],
    location: { place: null, city: null, country: 'LA' },
    ...overrides,
  };
}

export function report(
  key: string,
  published: string,
  overrides: Partial<EventFacts> = {},
  partOf: string | null = null,
): Report {
  return {
    key,
    article: { url: articleUrl(key), title: `title of ${key}`, published, outlet: null },
    facts: facts(overrides),
    evidence: [{ field: 'start', text: `sentence of ${key}` }],
    partOf,
  };
}

function articleUrl(key: string): string {
  const article = key.slice(0, key.lastIndexOf('#'));
  return article.startsWith('https://') ? article : `https://news.test/${article}`;
}
