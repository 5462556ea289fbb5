// HTML fragments that describe one event: a one-sentence summary, the facts, the
// sources (linked only when a source has an http(s) URL), the evidence sentences. Used
// as Atom/RSS/JSON Feed
// content_html and on the event's own page. Everything is escaped here or comes
// escaped (Fact.valueHtml, ShownText.html: escape.ts), each stored string tested once.
import type { DiplomaticEvent } from '../domain/event.js';
import { escapeHtml, escapeHtmlLine, isHttpUrl, tableHtml } from './escape.js';
import { type EvidenceSentence, evidenceSentences } from './evidence.js';
import { eventUrl } from './ids.js';
import {
  type EventStrings,
  eventFacts,
  eventStrings,
  eventSummary,
  evidenceFieldLabel,
  type Fact,
  shownSourceLabel,
  sourceDay,
  WORDS,
} from './text.js';
import type { FeedPage, RenderLanguage } from './types.js';

const h = escapeHtml;

/** `<dl>` of the event's facts; `part_of` links to the visit's page. */
export function factsHtml(
  event: DiplomaticEvent,
  lang: RenderLanguage,
  page: Pick<FeedPage, 'baseUrl'>,
  facts: readonly Fact[] = eventFacts(event, lang),
): string {
  let rows = '';
  for (const f of facts) {
    const value =
      f.key === 'part_of' && event.part_of
        ? `<a href="${h(eventUrl(event.part_of, page))}">${f.valueHtml}</a>`
        : f.valueHtml;
    rows += `<dt>${tableHtml(f.label)}</dt><dd>${value}</dd>`;
  }
  return `<dl>${rows}</dl>`;
}

export function sourcesHtml(event: DiplomaticEvent, lang: RenderLanguage): string {
  if (!event.sources.length) return '';
  let items = '';
  for (const s of event.sources) {
    const label = shownSourceLabel(s, lang).html;
    const day = sourceDay(s, lang);
    const outlet = s.outlet && s.title ? ` — ${escapeHtmlLine(s.outlet)}` : '';
    const text = isHttpUrl(s.url) ? `<a href="${h(s.url)}">${label}</a>` : label;
    items += `<li>${text}${outlet}${day ? ` (${h(day)})` : ''}</li>`;
  }
  return `<h3>${tableHtml(WORDS[lang].sources)}</h3><ul>${items}</ul>`;
}

/** Each evidence sentence once, followed by the fields it supports. */
export function evidenceHtml(
  event: DiplomaticEvent,
  lang: RenderLanguage,
  sentences: readonly EvidenceSentence[] = evidenceSentences(event),
): string {
  if (!sentences.length) return '';
  let items = '';
  for (const e of sentences) {
    let fields = '';
    for (const f of e.fields)
      fields += `${fields ? ', ' : ''}${tableHtml(evidenceFieldLabel(f, lang))}`;
    items += `<li><q>${escapeHtmlLine(e.text)}</q> (${fields})</li>`;
  }
  return `<h3>${tableHtml(WORDS[lang].evidence)}</h3><ul>${items}</ul>`;
}

/** The one-sentence summary (text.ts eventSummary) as a paragraph. */
export function summaryHtml(summary: string): string {
  return `<p>${h(summary)}</p>`;
}

/** What the content shows that a format may show elsewhere too: worked out once an
 *  item and handed in (the summary of Atom and RSS is the same sentence; JSON Feed's
 *  `_diplomacy.evidence` is the same sentences). */
export interface ContentParts {
  summary: string;
  facts: readonly Fact[];
  evidence: readonly EvidenceSentence[];
}

/** The parts of an item's content, each worked out once from the item's shown strings. */
export function contentParts(
  event: DiplomaticEvent,
  lang: RenderLanguage,
  page: Pick<FeedPage, 'today'>,
  strings: EventStrings = eventStrings(event, lang),
): ContentParts {
  return {
    summary: eventSummary(event, lang, { today: page.today, strings }),
    facts: eventFacts(event, lang, strings),
    evidence: evidenceSentences(event),
  };
}

/** The feed items' content_html: the summary sentence, then the facts, sources, evidence. */
export function eventContentHtml(
  event: DiplomaticEvent,
  lang: RenderLanguage,
  page: Pick<FeedPage, 'baseUrl' | 'today'>,
  parts: ContentParts = contentParts(event, lang, page),
): string {
  return (
    summaryHtml(parts.summary) +
    factsHtml(event, lang, page, parts.facts) +
    sourcesHtml(event, lang) +
    evidenceHtml(event, lang, parts.evidence)
  );
}
