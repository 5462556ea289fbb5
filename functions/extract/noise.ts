// Lines of a news page that are not the story (data/noise.json): photo captions and their
// credits, related headlines, keyword lines. Their cues make no event of their own and they
// are not evidence; a caption's text may stand as a sentence of its own before its
// credit ("… Sisoulith. (Ảnh: TTXVN)"), so the sentence after it is read too.
import * as z from 'zod/mini';
import { matchForm } from '../text/vietnamese.js';
import { anyOf } from './patterns.js';
import { TABLES } from './tables.js';

const NoiseSchema = z.object({
  captionMarkers: z.array(z.string()),
  relatedMarkers: z.array(z.string()),
  captionTailWords: z.number(),
});
const NOISE = NoiseSchema.parse(TABLES.noise);
const CAPTION = anyOf(NOISE.captionMarkers.map(matchForm));
/** Any caption marker anywhere, and any related-headline marker at the start: one scan each. */
const CAPTION_ANYWHERE = new RegExp(CAPTION, 'u');
const CAPTION_AT_START = new RegExp(`^(?:${CAPTION})`, 'u');
const RELATED_AT_START = new RegExp(`^(?:${anyOf(NOISE.relatedMarkers.map(matchForm))})`, 'u');

export type Furniture = 'caption' | 'related';

/**
 * What page furniture a sentence (matching form) is, or null for the story; `next` is the
 * sentence after it in its paragraph, if any. A caption may still date an event the story
 * tells; a related headline is about another story.
 */
export function furnitureOf(lower: string, next: string | null): Furniture | null {
  if (RELATED_AT_START.test(lower)) return 'related';
  if (CAPTION_ANYWHERE.test(lower)) return 'caption';
  return next !== null &&
    CAPTION_AT_START.test(next) &&
    next.split(' ').length <= NOISE.captionTailWords
    ? 'caption'
    : null;
}
