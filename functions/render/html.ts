// Server-rendered HTML: the home page (latest events, filter links, feed
// autodiscovery), each event's permalink page, and error pages for browsers. No
// JavaScript; a little inline CSS; everything escaped with escape.ts.
import type { DiplomaticEvent } from '../domain/event.js';
import { contentParts, evidenceHtml, factsHtml, sourcesHtml, summaryHtml } from './content.js';
import { formatDateRange } from './dates.js';
import { escapeHtml, oneLine } from './escape.js';
import { eventCalendarUrl, eventUrl, homeUrl, iconUrl, siteBase } from './ids.js';
import { PAGE_WORDS } from './page-words.js';
import {
  categoryLabel,
  countryName,
  eventStrings,
  eventTitle,
  feedTitle,
  itemLanguage,
  kindLabel,
  personLabel,
  renderLanguage,
  statusLabel,
  typeLabel,
  WORDS,
} from './text.js';
import type { FeedPage, RenderLanguage } from './types.js';
import { feedWords, fill } from './words.js';

const h = escapeHtml;

const CSS = [
  'body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;color:#222}',
  'a{color:#0b57d0}h1{font-size:1.5rem}h2{font-size:1.1rem;margin:0}',
  'ol.events{list-style:none;padding:0}ol.events li{border-bottom:1px solid #ddd;padding:.75rem 0}',
  '.meta{color:#555;font-size:.9rem;margin:.25rem 0}.announced{color:#8a5a00}.held{color:#1b6e2a}',
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}',
  'nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}q{font-style:italic}',
  'nav.filters{font-size:.9rem}nav.filters p{margin:.3rem 0;display:flex;flex-wrap:wrap;gap:.15rem .7rem}',
  'nav.filters .label{font-weight:600;white-space:nowrap;min-width:5.5rem}',
  'nav.filters a{white-space:nowrap}nav.filters a[aria-current]{font-weight:700;color:#222;text-decoration:none}',
  '.summary{font-size:1.05rem}',
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
    { rel: 'outline', type: 'text/x-opml', href: a.opml ?? '', label: PAGE_WORDS[lang].nav.opml },
  ].filter((l) => l.href);
}

function layout(opts: {
  lang: RenderLanguage;
  title: string;
  head: string[];
  body: string;
  page: Pick<FeedPage, 'baseUrl'>;
}): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${h(opts.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(opts.title)}</title>`,
    `<link rel="icon" type="image/svg+xml" href="${h(iconUrl(opts.page))}">`,
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

/** The filters a home page link may change, as query parameters. */
const FILTERS = ['country', 'type', 'status', 'from', 'to', 'when'] as const;

/**
 * Filter links: each sets one filter of the view this page shows (the others kept, AND),
 * or lifts it ("all"); the order links and the other language keep the view. The
 * countries and types offered are those of the events on the page (at most 12, most
 * frequent first), so every link leads somewhere.
 */
function filterNav(page: FeedPage, lang: RenderLanguage): string {
  const nav = PAGE_WORDS[lang].nav;
  const words = feedWords(lang).filters;
  let current: URLSearchParams;
  try {
    current = new URL(page.selfUrl).searchParams;
  } catch {
    current = new URLSearchParams();
  }
  const href = (changes: Record<string, string | null>): string => {
    const params = new URLSearchParams(current);
    params.delete('cursor');
    // order=updated takes no filter: a filter link leaves it, the order link lifts the filters
    if ('order' in changes) for (const f of FILTERS) params.delete(f);
    else params.delete('order');
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) params.delete(name);
      else params.set(name, value);
    }
    const q = params.toString();
    return `${siteBase(page)}/${q ? `?${q}` : ''}`;
  };
  const link = (name: string, value: string | null, label: string) => {
    const active = (current.get(name) ?? null) === value;
    return `<a href="${h(href({ [name]: value }))}"${active ? ' aria-current="page"' : ''}>${h(label)}</a>`;
  };
  const frequent = (codes: string[]) => {
    const counts = new Map<string, number>();
    for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
    return [...counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 12)
      .map(([c]) => c);
  };
  const events = page.events.filter((e) => !e.withdrawn);
  const countries = frequent(events.flatMap((e) => e.countries));
  const types = frequent(events.map((e) => e.type)).filter((t) => t !== 'visit' && t !== 'meeting');
  const row = (label: string, links: string[]) =>
    `<p><span class="label">${h(label)}</span>${links.join('')}</p>`;
  const rows = [
    row(nav.when, [
      link('when', null, nav.all),
      link('when', 'upcoming', words.upcoming),
      link('when', 'past', words.past),
    ]),
    row(nav.type, [
      link('type', null, nav.all),
      ...(['visit', 'meeting'] as const).map((c) => link('type', c, categoryLabel(c, lang))),
      ...types.map((t) => link('type', t, kindLabel(t, lang))),
    ]),
    row(nav.status, [
      link('status', null, nav.all),
      ...(['announced', 'held'] as const).map((st) => link('status', st, statusLabel(st, lang))),
    ]),
    ...(countries.length
      ? [
          row(nav.country, [
            link('country', null, nav.all),
            ...countries.map((c) => link('country', c, countryName(c, lang))),
          ]),
        ]
      : []),
    row(nav.order, [link('order', null, nav.byStart), link('order', 'updated', nav.byChange)]),
    `<p><a href="${h(href({ lang: lang === 'en' ? null : 'en' }))}" hreflang="${lang === 'en' ? 'vi' : 'en'}">${h(nav.otherLanguage)}</a></p>`,
  ];
  return `<nav class="filters" aria-label="${h(nav.filters)}">${rows.join('')}</nav>`;
}

/** One line of the list: date, type, status, countries, principals — in the event's
 *  language (`lang`), marked where it is not the page's. */
function eventListItem(
  event: DiplomaticEvent,
  page: FeedPage,
  lang: RenderLanguage,
  pageLang: RenderLanguage,
): string {
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
    lang === pageLang ? '<li><article>' : `<li><article lang="${lang}">`,
    `<h2><a href="${h(eventUrl(event.id, page))}">${h(eventTitle(event, lang, { today: page.today }))}</a></h2>`,
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
    ? `<ol class="events">${standing.map((e) => eventListItem(e, page, itemLanguage(page, e), lang)).join('\n')}</ol>`
    : `<p>${h(w.noEvents)}</p>`;
  const next = page.nextUrl
    ? `<p><a rel="next" href="${h(page.nextUrl)}">${h(w.next)} →</a></p>`
    : '';
  const body = [
    '<header>',
    `<h1>${h(title)}</h1>`,
    `<p>${h(w.siteDescription)}</p>`,
    feedNav(page, lang),
    filterNav(page, lang),
    '</header>',
    '<main>',
    list,
    next,
    '</main>',
  ].join('\n');
  return layout({ lang, title, head, body, page });
}

/** `GET /events/{id}`: every fact of one event, its sources and evidence, in the
 *  page's language, else the event's own (an English event is an English page, and its
 *  links keep English). */
export function renderEventPage(event: DiplomaticEvent, page: FeedPage): string {
  const lang = itemLanguage(page, event);
  const shown: FeedPage = { ...page, lang };
  const w = WORDS[lang];
  const strings = eventStrings(event, lang);
  const parts = contentParts(event, lang, shown, strings);
  const title = eventTitle(event, lang, { today: page.today, strings });
  const home = homeUrl(page, lang);
  const head = [
    `<link rel="canonical" href="${h(eventUrl(event.id, page))}">`,
    ...autodiscovery(shown, lang, feedTitle({ lang, filterLabel: null })),
  ];
  const nav = PAGE_WORDS[lang].nav;
  // the other language by name: an English page may be English without asking
  const other = lang === 'en' ? 'vi' : 'en';
  const otherLanguage = `${eventUrl(event.id, { baseUrl: page.baseUrl })}?lang=${other}`;
  const body = [
    `<nav><a href="${h(home)}">← ${h(w.home)}</a> · <a href="${h(otherLanguage)}" hreflang="${other}">${h(nav.otherLanguage)}</a></nav>`,
    '<main><article>',
    `<h1>${h(title)}</h1>`,
    summaryHtml(parts.summary),
    `<p><a href="${h(eventCalendarUrl(event.id, shown))}" type="text/calendar">${h(nav.addToCalendar)}</a></p>`,
    factsHtml(event, lang, shown, parts.facts),
    sourcesHtml(event, lang),
    evidenceHtml(event, lang, parts.evidence),
    '</article></main>',
    `<footer>${feedNav(shown, lang)}<p><small>id: <code>${h(oneLine(event.id))}</code></small></p></footer>`,
  ].join('\n');
  return layout({ lang, title, head, body, page: shown });
}

/** An error answered to a browser: what went wrong in words, and the way home. */
export function renderErrorPage(opts: {
  status: number;
  lang: RenderLanguage;
  baseUrl: string;
  parameter?: string | null;
}): string {
  const errors = PAGE_WORDS[opts.lang].errors;
  const known = String(opts.status) as keyof typeof errors;
  const [title, message] = (
    known in errors && known !== 'parameter' ? errors[known] : errors.other
  ) as [string, string];
  const home = homeUrl(opts, opts.lang);
  const body = [
    '<main>',
    `<h1>${h(title)}</h1>`,
    `<p>${h(message)}</p>`,
    opts.parameter
      ? `<p><code>${h(fill(errors.parameter, { name: oneLine(opts.parameter) }))}</code></p>`
      : '',
    `<p><a href="${h(home)}">← ${h(WORDS[opts.lang].home)}</a></p>`,
    '</main>',
  ].join('\n');
  return layout({
    lang: opts.lang,
    title: `${opts.status} ${title}`,
    head: ['<meta name="robots" content="noindex">'],
    body,
    page: opts,
  });
}
