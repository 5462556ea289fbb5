// A fixture news site on 127.0.0.1 for the poller tests: section feeds (RSS 2.0 and
// Atom) and article pages in the shape of a Vietnamese outlet's, built from the
// devset articles (../shared/devset beside the repository), plus robots.txt.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export const DEVSET_DIR = join(import.meta.dirname, '../../../shared/devset/articles');

export interface DevArticle {
  id: string;
  url: string;
  title: string;
  publishedAt: string;
  language: string;
  source: string;
  text: string;
}

/** The five seed articles (seeds/, in the repository), served at /news/<id>.html; their canonical URL is on news.example. */
export function seedArticles(): DevArticle[] {
  const dir = join(import.meta.dirname, '../../seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f, i) => {
      const seed = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<
        DevArticle,
        'id' | 'url' | 'source'
      >;
      return {
        ...seed,
        id: `seed-${i}`,
        url: `https://news.example/news/seed-${i}.html`,
        source: 'Báo Fixture',
      };
    });
}

export function devsetArticles(): DevArticle[] {
  return readdirSync(DEVSET_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      id: f.replace(/\.json$/, ''),
      ...(JSON.parse(readFileSync(join(DEVSET_DIR, f), 'utf8')) as Omit<DevArticle, 'id'>),
    }));
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An outlet's article page: header, navigation, ads, share bar, related links and footer around the body. */
export function articlePage(a: DevArticle): string {
  const body = a.text
    .split('\n\n')
    .map((p) => `      <p class="Normal">${p.split('\n').map(esc).join('<br>\n')}</p>`)
    .join('\n');
  const nav = [
    'Thời sự',
    'Thế giới',
    'Kinh doanh',
    'Giải trí',
    'Thể thao',
    'Pháp luật',
    'Giáo dục',
    'Sức khỏe',
  ]
    .map((s, i) => `<li><a href="/section/${i}">${s}</a></li>`)
    .join('');
  const related = [1, 2, 3, 4, 5]
    .map(
      (i) =>
        `<li><a href="/news/related-${i}.html">Tin liên quan số ${i}: Quan hệ hợp tác tiếp tục phát triển tốt đẹp trong nhiều lĩnh vực</a></li>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <title>${esc(a.title)} - ${esc(a.source)}</title>
  <meta property="og:title" content="${esc(a.title)}">
  <meta property="og:type" content="article">
  <meta property="article:published_time" content="${a.publishedAt}">
  <link rel="canonical" href="${esc(a.url)}">
  <script>window.dataLayer = window.dataLayer || []; dataLayer.push({ event: 'pageview' });</script>
  <style>.ads { min-height: 250px }</style>
</head>
<body>
  <header class="site-header">
    <a class="logo" href="/">${esc(a.source)}</a>
    <nav class="main-nav"><ul>${nav}</ul></nav>
    <form class="search" action="/search"><input name="q" placeholder="Tìm kiếm"></form>
  </header>
  <div class="ads banner-top"><a href="https://ads.example/click?id=1">Quảng cáo: Vay tiêu dùng lãi suất thấp, giải ngân trong ngày</a></div>
  <div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/the-gioi">Thế giới</a></div>
  <main class="container">
    <section class="sidebar-left">
      <div class="box-most-read"><h3>Đọc nhiều</h3><ul>
        <li><a href="/news/most-1.html">Giá vàng hôm nay tăng mạnh</a></li>
        <li><a href="/news/most-2.html">Thời tiết cuối tuần: mưa lớn ở miền Trung</a></li>
      </ul></div>
    </section>
    <div class="top-detail">
      <div class="header-meta"><span class="date">${esc(a.publishedAt)}</span> <span class="author">Theo ${esc(a.source)}</span></div>
      <h1 class="title-detail">${esc(a.title)}</h1>
    </div>
    <section class="section-detail">
      <div class="social-share"><a href="https://facebook.example/share">Chia sẻ</a> <a href="https://x.example/share">Tweet</a> <button>Sao chép link</button></div>
      <article class="fck_detail">
${body}
      </article>
      <div class="tags"><a href="/tag/ngoai-giao">Ngoại giao</a> <a href="/tag/quan-he-quoc-te">Quan hệ quốc tế</a></div>
      <div class="ads in-article"><a href="https://ads.example/click?id=2">Quảng cáo: Khuyến mãi lớn mùa lễ hội</a></div>
      <div class="box-related"><h3>Tin liên quan</h3><ul>
${related}
      </ul></div>
      <div class="comments"><h3>Ý kiến bạn đọc</h3><p>Chưa có bình luận nào.</p></div>
    </section>
  </main>
  <footer class="site-footer"><p>© Báo điện tử. Giấy phép số 548/GP-BTTTT.</p><p><a href="/lien-he">Liên hệ</a> · <a href="/quang-cao">Quảng cáo</a></p></footer>
</body>
</html>`;
}

export interface FeedItemSpec {
  path: string;
  title: string;
  publishedAt: string;
}

function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

export function rssFeed(title: string, base: string, items: FeedItemSpec[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>${esc(title)}</title>
  <link>${base}/</link>
  <description>Tin ${esc(title)}</description>
  <atom:link href="${base}/feeds/thoi-su.rss" rel="self" type="application/rss+xml"/>
${items
  .map(
    (i) => `  <item>
    <title><![CDATA[${i.title}]]></title>
    <link>${base}${i.path}</link>
    <guid isPermaLink="true">${base}${i.path}</guid>
    <pubDate>${rfc822(i.publishedAt)}</pubDate>
    <description><![CDATA[<a href="${base}${i.path}"><img src="${base}/img/x.jpg"></a>Tóm tắt]]></description>
  </item>`,
  )
  .join('\n')}
</channel>
</rss>`;
}

export function atomFeed(title: string, base: string, items: FeedItemSpec[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${esc(title)}</title>
  <id>${base}/feeds/the-gioi.atom</id>
  <link rel="self" href="${base}/feeds/the-gioi.atom"/>
  <updated>2025-04-15T00:00:00Z</updated>
${items
  .map(
    (i) => `  <entry>
    <title>${esc(i.title)}</title>
    <id>tag:fixture,2025:${i.path}</id>
    <link rel="alternate" type="text/html" href="${i.path}"/>
    <link rel="enclosure" type="image/jpeg" href="/img/${i.path}.jpg"/>
    <published>${i.publishedAt}</published>
    <updated>${i.publishedAt}</updated>
  </entry>`,
  )
  .join('\n')}
</feed>`;
}

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface FixtureServer {
  base: string;
  /** every request path, in order */
  requests: string[];
  /** user agents seen */
  agents: Set<string>;
  /** the most requests in flight at once */
  maxInFlight: number;
  close(): Promise<void>;
}

/** `port` 0 takes any free one; suites that name addresses in their feeds fix theirs (41xx). */
export async function fixtureServer(
  routes: Record<string, Route>,
  port = 0,
): Promise<FixtureServer> {
  let inFlight = 0;
  const state = { requests: [] as string[], agents: new Set<string>(), maxInFlight: 0 };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    state.requests.push(path);
    state.agents.add(String(req.headers['user-agent']));
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    route(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${bound}`,
    get requests() {
      return state.requests;
    },
    get agents() {
      return state.agents;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Serves `body` with an ETag and answers a matching If-None-Match with 304. */
export function cached(body: () => string, contentType: string, etag: string): Route {
  return (req, res) => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res
      .writeHead(200, {
        'content-type': contentType,
        etag,
        'last-modified': 'Mon, 14 Apr 2025 15:00:00 GMT',
      })
      .end(body());
  };
}

export const html =
  (body: () => string): Route =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body());
  };
