// Server-rendered HTML: the home page (latest events, feed autodiscovery) and each
// event's permalink page. No JavaScript; a little inline CSS; everything escaped with
// escape.ts.
import type { DiplomaticEvent } from '../domain/event.js';
import { evidenceHtml, factsHtml, sourcesHtml } from './content.js';
import { formatDateRange } from './dates.js';
import { escapeHtml, oneLine } from './escape.js';
import { eventUrl, siteBase } from './ids.js';
import {
  countryName,
  eventTitle,
  feedTitle,
  personLabel,
  renderLanguage,
  statusLabel,
  typeLabel,
  WORDS,
} from './text.js';
import type { FeedPage, RenderLanguage } from './types.js';

const h = escapeHtml;

const CSS = [
  'body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;color:#222}',
  'a{color:#0b57d0}h1{font-size:1.5rem}h2{font-size:1.1rem;margin:0}',
  'ol.events{list-style:none;padding:0}ol.events li{border-bottom:1px solid #ddd;padding:.75rem 0}',
  '.meta{color:#555;font-size:.9rem;margin:.25rem 0}.announced{color:#8a5a00}.held{color:#1b6e2a}',
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}',
  'nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}q{font-style:italic}',
].join('');

interface FeedLink {
  rel: string;
  type: string;
  href: string;
  label: string;
}

function feedLinks(page: FeedPage, lang: RenderLanguage): FeedLink[] {
  const a = page.alternates;
  return [
    { rel: 'alternate', type: 'application/atom+xml', href: a.atom, label: 'Atom' },
    { rel: 'alternate', type: 'application/rss+xml', href: a.rss, label: 'RSS' },
    { rel: 'alternate', type: 'application/feed+json', href: a.json, label: 'JSON Feed' },
    { rel: 'alternate', type: 'text/calendar', href: a.ics, label: WORDS[lang].calendar },
  ].filter((l) => l.href);
}

function layout(opts: {
  lang: RenderLanguage;
  title: string;
  head: string[];
  body: string;
}): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${h(opts.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(opts.title)}</title>`,
    ...opts.head,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    opts.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function feedNav(page: FeedPage, lang: RenderLanguage): string {
  const links = feedLinks(page, lang).map(
    (l) => `<li><a href="${h(l.href)}" type="${h(l.type)}">${h(l.label)}</a></li>`,
  );
  return links.length
    ? `<nav aria-label="${h(WORDS[lang].feeds)}"><ul>${links.join('')}</ul></nav>`
    : '';
}

function autodiscovery(page: FeedPage, lang: RenderLanguage, title: string): string[] {
  return feedLinks(page, lang).map(
    (l) =>
      `<link rel="${l.rel}" type="${h(l.type)}" title="${h(`${title} (${l.label})`)}" href="${h(l.href)}">`,
  );
}

/** One line of the list: date, type, status, countries, principals. */
function eventListItem(event: DiplomaticEvent, page: FeedPage, lang: RenderLanguage): string {
  const dates = formatDateRange(event.start, event.end, lang);
  const countries = event.countries.map((c) => countryName(c, lang)).join(', ');
  const people = event.participants.map((p) => personLabel(p, lang)).join('; ');
  const meta = [
    `<time datetime="${h(event.start)}">${h(dates)}</time>`,
    h(typeLabel(event.type, lang)),
    `<span class="${h(event.status)}">${h(statusLabel(event.status, lang))}</span>`,
    countries ? h(countries) : '',
  ].filter(Boolean);
  return [
    '<li><article>',
    `<h2><a href="${h(eventUrl(event.id, page))}">${h(eventTitle(event, lang))}</a></h2>`,
    `<p class="meta">${meta.join(' · ')}</p>`,
    people ? `<p>${h(people)}</p>` : '',
    '</article></li>',
  ].join('');
}

/** `GET /`: the latest events, with autodiscovery links for every feed. */
export function renderHomePage(page: FeedPage): string {
  const lang = renderLanguage(page);
  const w = WORDS[lang];
  const title = feedTitle(page);
  const head = [
    `<meta name="description" content="${h(w.siteDescription)}">`,
    ...autodiscovery(page, lang, title),
    ...(page.nextUrl ? [`<link rel="next" href="${h(page.nextUrl)}">`] : []),
  ];
  const standing = page.events.filter((e) => !e.withdrawn);
  const list = standing.length
    ? `<ol class="events">${standing.map((e) => eventListItem(e, page, lang)).join('\n')}</ol>`
    : `<p>${h(w.noEvents)}</p>`;
  const next = page.nextUrl
    ? `<p><a rel="next" href="${h(page.nextUrl)}">${h(w.next)} →</a></p>`
    : '';
  const body = [
    '<header>',
    `<h1>${h(title)}</h1>`,
    `<p>${h(w.siteDescription)}</p>`,
    feedNav(page, lang),
    '</header>',
    '<main>',
    list,
    next,
    '</main>',
  ].join('\n');
  return layout({ lang, title, head, body });
}

/** `GET /events/{id}`: every fact of one event, its sources and evidence. */
export function renderEventPage(event: DiplomaticEvent, page: FeedPage): string {
  const lang = renderLanguage(page);
  const w = WORDS[lang];
  const title = eventTitle(event, lang);
  const url = eventUrl(event.id, page);
  const home = `${siteBase(page)}/`;
  const head = [
    `<link rel="canonical" href="${h(url)}">`,
    ...autodiscovery(page, lang, feedTitle({ lang: page.lang, filterLabel: null })),
  ];
  const body = [
    `<nav><a href="${h(home)}">← ${h(w.home)}</a></nav>`,
    '<main><article>',
    `<h1>${h(title)}</h1>`,
    factsHtml(event, lang, page),
    sourcesHtml(event, lang),
    evidenceHtml(event, lang),
    '</article></main>',
    `<footer>${feedNav(page, lang)}<p><small>id: <code>${h(oneLine(event.id))}</code></small></p></footer>`,
  ].join('\n');
  return layout({ lang, title, head, body });
}
