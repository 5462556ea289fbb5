// The HTML pages: escaped, autodiscoverable, readable without JavaScript.
import { describe, expect, it } from 'vitest';
import { renderEventPage, renderHomePage } from '../../functions/render/html.js';
import { BASE_URL, phoneCall, samplePage, stateVisit, talks } from './samples.js';

const page = samplePage();

describe('home page', () => {
  const html = renderHomePage(page);

  it('sets lang, charset, and has no script', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="vi">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script/i);
    expect(renderHomePage({ ...page, lang: 'en' })).toContain('<html lang="en">');
  });

  it('autodiscovers Atom, RSS, JSON Feed and the calendar', () => {
    const links = [
      ...html.matchAll(/<link rel="alternate" type="([^"]+)"[^>]* href="([^"]+)">/g),
    ].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ['application/atom+xml', page.alternates.atom],
      ['application/rss+xml', page.alternates.rss],
      ['application/feed+json', page.alternates.json],
      ['text/calendar', page.alternates.ics],
    ]);
  });

  it('lists the events with dates, type, status, countries, principals and links', () => {
    expect(html).toContain(`<a href="${BASE_URL}/events/vn-la-2026-02-05-state-visit">`);
    expect(html).toContain('<time datetime="2026-02-05">5/2/2026</time>');
    expect(html).toContain('Chuyến thăm cấp Nhà nước');
    expect(html).toContain('<span class="announced">dự kiến</span>');
    expect(html).toContain('Lào, Việt Nam');
    expect(html).toContain(
      'Tổng Bí thư Tô Lâm; Tổng Bí thư, Chủ tịch nước Thongloun Sisoulith (Lào)',
    );
    expect(html).toContain('<time datetime="2026-03">tháng 3/2026</time>');
  });

  it('links the next page when there is one', () => {
    expect(html).toContain(
      '<a rel="next" href="https://feeds.example.org/feeds/atom.xml?country=LA&amp;cursor=abc">',
    );
    const last = renderHomePage({ ...page, nextUrl: null });
    expect(last).not.toContain('rel="next"');
  });

  it('says so when there are no events', () => {
    expect(renderHomePage(samplePage([]))).toContain('Chưa có sự kiện nào.');
  });

  it('escapes everything', () => {
    const evil = stateVisit({
      participants: [
        {
          name: '<script>alert(1)</script>',
          title: '"><img src=x onerror=alert(1)>',
          country: 'VN',
        },
      ],
    });
    const out = renderHomePage(samplePage([evil], { filterLabel: '<b>&' }));
    expect(out).not.toContain('<script>alert');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;b&gt;&amp;');
  });
});

describe('event page', () => {
  it('shows every fact, the sources (linked only with a url) and the evidence', () => {
    const html = renderEventPage(talks(), page);
    expect(html).toContain(
      '<link rel="canonical" href="https://feeds.example.org/events/vn-la-2026-02-05-talks">',
    );
    expect(html).toContain(
      '<h1>Hội đàm giữa Tổng Bí thư Tô Lâm và Tổng Bí thư, Chủ tịch nước Thongloun Sisoulith (Lào) tại Viêng Chăn, Lào, 5–6/2/2026</h1>',
    );
    for (const label of [
      'Loại',
      'Tình trạng',
      'Thời gian',
      'Quốc gia',
      'Nước chủ nhà',
      'Nước khách',
      'Thành phần',
      'Địa điểm',
      'Thuộc chuyến thăm',
    ]) {
      expect(html).toContain(`<dt>${label}</dt>`);
    }
    expect(html).toContain(
      '<a href="https://feeds.example.org/events/vn-la-2026-02-05-state-visit">',
    );
    expect(html).toContain(
      '<li><a href="https://news.example.vn/2026/02/04/to-lam-lao">Tổng Bí thư Tô Lâm sẽ thăm cấp Nhà nước Lào</a> — Báo Mẫu (4/2/2026)</li>',
    );
    expect(html).toContain('<li>(không có tiêu đề) (4/2/2026)</li>');
    expect(html).toContain(
      '<q>Tổng Bí thư Tô Lâm sẽ thực hiện chuyến thăm cấp Nhà nước tới Lào vào ngày 5/2.</q>',
    );
  });

  it('never links a non-http source url', () => {
    const e = phoneCall({
      sources: [{ url: 'javascript:alert(1)', title: 'x', published: '2026-03-10T08:00:00+07:00' }],
    });
    const html = renderEventPage(e, page);
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('<li>x (10/3/2026)</li>');
  });

  it('in English', () => {
    const html = renderEventPage(stateVisit(), { ...page, lang: 'en' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(
      '<h1>State visit to Laos by General Secretary To Lam (Vietnam), 5 Feb 2026 — announced</h1>',
    );
    expect(html).toContain(
      '<dt>Participants</dt><dd>General Secretary To Lam (Vietnam); General Secretary, President Thongloun Sisoulith (Laos)</dd>',
    );
  });
});
