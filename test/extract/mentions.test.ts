// What a fixture's whole event cannot say: how a cue's day is chosen among the days of its
// sentence (mentions.ts dateFor: a day the sentence gives to something else is not the event's,
// even when no other day is told), where a place named after a comma ends, and a participant's
// title (the scorer reads names and countries only).
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

// (a fixture's gold scores a city only where it gives one: no city is said here)
describe('the place of an event', () => {
  it('ends at a comma after "capital" where a country is named next', () => {
    const events = extractEvents(
      english(
        'U.S. Secretary of State Antony Blinken arrived in Kazakhstan today for an official visit. Addressing the press in the Kazakh capital, U.S. Secretary of State Antony Blinken thanked his hosts. Blinken also held talks with Foreign Minister Murat Nurtleu.',
        '2023-02-28T20:00:00+06:00',
      ),
    );
    const talks = events.find((e) => e.type === 'talks');
    expect(talks?.location).toMatchObject({ country: 'KZ', city: null });
  });
});

describe("a participant's title", () => {
  it('is an office, not what the other side calls them', () => {
    const [talks] = extractEvents(
      english(
        'Fijian Prime Minister Sitiveni Rabuka held talks with his Tongan counterpart Siaosi Sovaleni in Nuku’alofa on Monday.',
        '2024-05-14T18:00:00+13:00',
      ),
    );
    expect(talks?.participants.map((p) => [p.name, p.title])).toEqual([
      ['Sitiveni Rabuka', 'Prime Minister'],
      ['Siaosi Sovaleni', null],
    ]);
  });
});
