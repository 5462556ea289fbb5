// Lines of a news page that are not the story (data/noise.json): photo captions and their
// credits, related headlines, keyword lines. Their cues make no event of their own and they
// are not evidence; a caption's text may stand as a sentence of its own before its
// credit ("… Sisoulith. (Ảnh: TTXVN)"), so the sentence after it is read too.
import * as z from 'zod/mini';
import noiseData from './data/vi/noise.json' with { type: 'json' };
import { matchForm } from '../text/vietnamese.js';

const NoiseSchema = z.object({ captionMarkers: z.array(z.string()), relatedMarkers: z.array(z.string()), captionTailWords: z.number() });
const NOISE = NoiseSchema.parse(noiseData);
const CAPTION = NOISE.captionMarkers.map(matchForm);
const RELATED = NOISE.relatedMarkers.map(matchForm);

export type Furniture = 'caption' | 'related';

/**
 * What page furniture a sentence (matching form) is, or null for the story; `next` is the
 * sentence after it in its paragraph, if any. A caption may still date an event the story
 * tells; a related headline is about another story.
 */
export function furnitureOf(lower: string, next: string | null): Furniture | null {
  if (RELATED.some((m) => lower.startsWith(m))) return 'related';
  if (CAPTION.some((m) => lower.includes(m))) return 'caption';
  return next !== null && next.split(' ').length <= NOISE.captionTailWords && CAPTION.some((m) => next.startsWith(m)) ? 'caption' : null;
}
