// HTML fragments that describe one event: the facts, the sources (linked only when a
// source has an http(s) URL), the evidence sentences. Used as Atom/RSS/JSON Feed
// content_html and on the event's own page. All text goes through escapeHtml here.
import type { DiplomaticEvent } from '../domain/event.js';
import { escapeHtml, isHttpUrl, oneLine } from './escape.js';
import { evidenceSentences } from './evidence.js';
import { eventUrl } from './ids.js';
import { eventFacts, evidenceFieldLabel, sourceDay, sourceLabel, WORDS } from './text.js';
import type { FeedPage, RenderLanguage } from './types.js';

const h = escapeHtml;

/** `<dl>` of the event's facts; `part_of` links to the visit's page. */
export function factsHtml(
  event: DiplomaticEvent,
  lang: RenderLanguage,
  page: Pick<FeedPage, 'baseUrl'>,
): string {
  const rows = eventFacts(event, lang).map((f) => {
    const value =
      f.key === 'part_of' && event.part_of
        ? `<a href="${h(eventUrl(event.part_of, page))}">${h(f.value)}</a>`
        : h(f.value);
    return `<dt>${h(f.label)}</dt><dd>${value}</dd>`;
  });
  return `<dl>${rows.join('')}</dl>`;
}

export function sourcesHtml(event: DiplomaticEvent, lang: RenderLanguage): string {
  if (!event.sources.length) return '';
  const items = event.sources.map((s) => {
    const label = h(sourceLabel(s, lang));
    const day = sourceDay(s, lang);
    const outlet = s.outlet && s.title ? ` — ${h(oneLine(s.outlet))}` : '';
    const text = isHttpUrl(s.url) ? `<a href="${h(s.url)}">${label}</a>` : label;
    return `<li>${text}${outlet}${day ? ` (${h(day)})` : ''}</li>`;
  });
  return `<h3>${h(WORDS[lang].sources)}</h3><ul>${items.join('')}</ul>`;
}

/** Each evidence sentence once, followed by the fields it supports. */
export function evidenceHtml(event: DiplomaticEvent, lang: RenderLanguage): string {
  const sentences = evidenceSentences(event);
  if (!sentences.length) return '';
  const items = sentences.map(
    (e) =>
      `<li><q>${h(oneLine(e.text))}</q> (${h(e.fields.map((f) => evidenceFieldLabel(f, lang)).join(', '))})</li>`,
  );
  return `<h3>${h(WORDS[lang].evidence)}</h3><ul>${items.join('')}</ul>`;
}

/** The feed items' content_html: facts, sources, evidence. */
export function eventContentHtml(
  event: DiplomaticEvent,
  lang: RenderLanguage,
  page: Pick<FeedPage, 'baseUrl'>,
): string {
  return factsHtml(event, lang, page) + sourcesHtml(event, lang) + evidenceHtml(event, lang);
}
