// Hand-written articles (other countries, titles, phrasings and date forms than the
// devset; f30-f207, f211, f213, f217 and f219 in English, f208-f210, f212, f214-f216, f218, f220 and f221 in Vietnamese again) with their expected events: a guard against rules that only
// fit the devset.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../functions/domain/article.js';
import { extractEvents } from '../../functions/extract/index.js';
import { type GoldEvent, type SetArticle, scoreSet } from './support/gold.js';

const dir = path.join(import.meta.dirname, 'fixtures');

function loadFixtures(): SetArticle[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const raw = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as {
        article: Article;
        events: GoldEvent[];
      };
      return { id: f.slice(0, -5), article: raw.article, gold: raw.events };
    });
}

describe('own fixture articles', () => {
  const set = loadFixtures();
  const score = scoreSet(set, extractEvents);

  it('has at least 12 articles', () => {
    expect(set.length).toBeGreaterThanOrEqual(12);
  });
  // Written with the rules, so a score over them proves little: every event and field
  // must come out exactly. What the extractor still gets wrong in them is named here, each
  // with its reason; any other error fails, and a fix fails until its line is removed.
  const KNOWN_PROBLEMS = [
    // the official visit's inviter is the minister of its talks, not named as inviting
    'f05-singapore-fm FIELD vivian-visit participants',
    // a trip to a multilateral meeting is no visit, so nothing places the meeting on its sidelines there
    'f37-en-readout-sidelines FIELD sato-rojas-talks location.country',
  ];
  // f13-f15: "cùng ngày" / "sau đó" after background dates (an arrival, a visit's range),
  // and a past visit mentioned in passing. f16-f18: counterparts named without a country,
  // bare titles referring back, passive "được ... tiếp", "tiếp xã giao", long-form
  // country names, compound titles ("kiêm", "Hoàng Thái tử, Thủ tướng"), visits in a
  // framing clause and co-chairs by reference. f19-f21: visits reported through departure
  // ("lên đường thăm A và B") or return ("kết thúc chuyến thăm A từ ..."), a tour with one
  // inviter per country, "ngay sau khi kết thúc chuyến thăm" (no new visit), a meeting
  // after a sidelines meeting of the same day, a portfolio title with "và", and the next
  // day's meeting of a visit with no end date. f22-f23: a delegation received ("tiếp
  // Đoàn ... do X làm Trưởng đoàn"), an invitation from a body (no host person), a visit
  // begun by an arrival the day before its first meeting, and "Trong chuyến thăm, chiều
  // 24/9, ..." dating the meeting, not the visit. f24: "thăm A và B ngày ..." is a visit
  // to each, with each country's own inviter.
  it('finds every event of every fixture with every field, but for the problems named', () => {
    expect(
      score.problems.filter((p) => !KNOWN_PROBLEMS.some((known) => p.startsWith(known))),
    ).toEqual([]);
  });
  it('still has each named problem (a fixed one is taken off the list)', () => {
    for (const known of KNOWN_PROBLEMS)
      expect(
        score.problems.some((p) => p.startsWith(known)),
        known,
      ).toBe(true);
  });
});
