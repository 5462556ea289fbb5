// How a cue's day is chosen among the days of its sentence (mentions.ts dateFor), where no
// whole event of a fixture can say it: a day the sentence gives to something else is not
// the event's, even when no other day is told.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../functions/domain/article.js';
import { extractEvents } from '../../functions/extract/index.js';

const english = (text: string, publishedAt: string): Article => ({
  url: null,
  canonicalUrl: null,
  title: null,
  publishedAt,
  language: 'en',
  source: null,
  text,
});

describe('the day of an event', () => {
  it('is not the day a trip sets off for it', () => {
    const events = extractEvents(
      english(
        'Kenyan President Daniel Mwangi will leave Nairobi on Sunday for Addis Ababa to co-chair the fifth session of the Kenya-Ethiopia Joint Commission with Ethiopian Prime Minister Dawit Bekele.',
        '2025-03-07T18:00:00+03:00',
      ),
    );
    const session = events.find((e) => e.type === 'committee_session');
    expect(session?.participants.map((p) => p.name)).toEqual(['Daniel Mwangi', 'Dawit Bekele']);
    expect(session?.start).not.toBe('2025-03-09');
  });
});
