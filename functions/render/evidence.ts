// The evidence an item shows, grouped by sentence: each sentence once, with every
// field it supports (the head keeps up to two sentences a field, and one sentence
// often supports the type, the countries and the host at once). Capped: every field
// keeps its first sentence; further sentences only while the item shows at most
// EVIDENCE_SENTENCES_MAX of them.
import type { DiplomaticEvent } from '../domain/event.js';

export const EVIDENCE_SENTENCES_MAX = 4;

export interface EvidenceSentence {
  text: string;
  /** the fields this sentence supports, in the order the event lists them */
  fields: string[];
}

/** Worked out once an item (a format that shows the sentences twice hands them on). */
export function evidenceSentences(event: Pick<DiplomaticEvent, 'evidence'>): EvidenceSentence[] {
  const byText = new Map<string, EvidenceSentence>();
  const fieldsSeen = new Set<string>();
  /** the sentences that are the first for some field: always kept */
  const needed = new Set<EvidenceSentence>();
  for (const e of event.evidence) {
    let sentence = byText.get(e.text);
    if (!sentence) {
      sentence = { text: e.text, fields: [] };
      byText.set(e.text, sentence);
    }
    if (!sentence.fields.includes(e.field)) sentence.fields.push(e.field);
    if (!fieldsSeen.has(e.field)) {
      fieldsSeen.add(e.field);
      needed.add(sentence);
    }
  }
  let room = Math.max(0, EVIDENCE_SENTENCES_MAX - needed.size);
  const kept: EvidenceSentence[] = [];
  for (const sentence of byText.values()) {
    if (needed.has(sentence)) kept.push(sentence);
    else if (room > 0) {
      room--;
      kept.push(sentence);
    }
  }
  return kept;
}
