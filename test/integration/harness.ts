// A local service on in-process dynalite, driven through its real routes and the
// real AWS SDK, for the integration tests.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExtractedEvent } from '../../functions/domain/event.js';
import type { Extract } from '../../functions/ingest/ingest-article.js';
import {
  type LocalService,
  type LocalServiceOptions,
  startLocalService,
} from '../../infra/local/runtime.js';

export const SEEDS_DIR = join(import.meta.dirname, '../../seeds');

export async function seedArticles(): Promise<{ file: string; body: string }[]> {
  const files = (await readdir(SEEDS_DIR)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (file) => ({ file, body: await readFile(join(SEEDS_DIR, file), 'utf8') })),
  );
}

export async function service(options: LocalServiceOptions = {}): Promise<LocalService> {
  return startLocalService(options);
}

export async function post(s: LocalService, body: string, headers: Record<string, string> = {}) {
  const response = await s.app.request('/articles', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as Record<string, unknown>,
  };
}

export interface FeedItem {
  id: string;
  url: string;
  title: string;
  _diplomacy: {
    status: string;
    start: string;
    countries: string[];
    sources: { url: string | null; title: string | null }[];
  } & Record<string, unknown>;
}

/** Every item of the JSON feed, following next_url. */
export async function allItems(s: LocalService, query = ''): Promise<FeedItem[]> {
  const items: FeedItem[] = [];
  let url: string | null = `http://localhost/feeds/feed.json${query}`;
  for (let pages = 0; url && pages < 1000; pages++) {
    const response = await s.app.request(url);
    if (response.status !== 200)
      throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
    const feed = (await response.json()) as { items: FeedItem[]; next_url?: string };
    items.push(...feed.items);
    url = feed.next_url ?? null;
  }
  return items;
}

/** An extractor that reads the events an article states as JSON: tests of the store
 *  and the races choose exactly what each article reports. */
export const statedEvents: Extract = (article) =>
  (JSON.parse(article.text) as { events: ExtractedEvent[] }).events;

export function statedArticle(
  url: string,
  publishedAt: string,
  events: Partial<ExtractedEvent>[],
): string {
  const full = events.map((e) => ({
    category: 'visit',
    type: 'state_visit',
    status: 'announced',
    start: '2026-02-05',
    end: null,
    countries: ['LA', 'VN'],
    host: 'LA',
    guest: 'VN',
    participants: [{ name: 'Tô Lâm', title: 'Tổng Bí thư', country: 'VN' }],
    location: { place: null, city: null, country: 'LA' },
    evidence: [{ field: 'start', text: `the sentence in ${url}` }],
    partOf: null,
    ...e,
  }));
  return JSON.stringify({
    url,
    publishedAt,
    language: 'vi',
    text: JSON.stringify({ events: full }),
  });
}
