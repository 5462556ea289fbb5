// Evidence grouped by sentence: each sentence once with every field it supports, at
// most EVIDENCE_SENTENCES_MAX of them unless that would leave a field without one.
import { describe, expect, it } from 'vitest';
import { type DiplomaticEvent, EVIDENCE_FIELDS } from '../../functions/domain/event.js';
import { EVIDENCE_SENTENCES_MAX, evidenceSentences } from '../../functions/render/evidence.js';
import { jsonFeedItem } from '../../functions/render/jsonfeed.js';
import { samplePage, stateVisit } from './samples.js';

type Field = DiplomaticEvent['evidence'][number]['field'];

describe('evidenceSentences', () => {
  it('lists each sentence once, with the fields it supports, in order', () => {
    const evidence: DiplomaticEvent['evidence'] = [
      { field: 'type', text: 'A' },
      { field: 'countries', text: 'A' },
      { field: 'start', text: 'B' },
      { field: 'host', text: 'A' },
      { field: 'start', text: 'C' },
    ];
    expect(evidenceSentences({ evidence })).toEqual([
      { text: 'A', fields: ['type', 'countries', 'host'] },
      { text: 'B', fields: ['start'] },
      { text: 'C', fields: ['start'] },
    ]);
  });

  it('is capped, yet every field keeps its first sentence', () => {
    const many = Array.from({ length: 10 }, (_, i) => [
      { field: 'start' as const, text: `second ${i}` },
    ]).flat();
    const capped = evidenceSentences({ evidence: [{ field: 'start', text: 'first' }, ...many] });
    expect(capped).toHaveLength(EVIDENCE_SENTENCES_MAX);
    expect(capped[0]).toEqual({ text: 'first', fields: ['start'] });
    // every field but part_of, which names no sentence of its own here
    const fields: Field[] = EVIDENCE_FIELDS.filter((f) => f !== 'part_of');
    const own = evidenceSentences({
      evidence: fields.map((field) => ({ field, text: `about ${field}` })),
    });
    expect(own.map((s) => s.fields[0])).toEqual(fields);
  });

  it('is what the JSON Feed item carries: `field` the first of `fields`', () => {
    const event = stateVisit({
      evidence: [
        { field: 'type', text: 'A' },
        { field: 'host', text: 'A' },
      ],
    });
    const item = jsonFeedItem(event, samplePage([event]));
    expect(item._diplomacy.evidence).toEqual([
      { field: 'type', fields: ['type', 'host'], text: 'A' },
    ]);
    expect(item.content_html.match(/<q>A<\/q>/g)).toHaveLength(1);
  });
});
