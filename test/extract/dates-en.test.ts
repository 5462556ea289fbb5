// English dates resolved against the publication day (its local calendar day), as the
// extractor reads them: the phrases the issue names, each with what it must give.
import { describe, expect, it } from 'vitest';
import { refDateOf } from '../../functions/extract/dates.js';
import { findEnglishDates } from '../../functions/extract/dates-en.js';

/** Published on Friday 2025-12-05, local time. */
const ref = refDateOf('2025-12-05T09:00:00+07:00');
const read = (sentence: string) =>
  findEnglishDates(sentence.toLowerCase(), ref, '2025-12-03').map(
    (d) =>
      `${d.value}${d.endValue ? `..${d.endValue}` : ''}/${d.precision}${d.approximate ? '~' : ''}${d.anchored ? '@' : ''}`,
  );

describe('English dates', () => {
  it.each([
    ['met on Tuesday', ['2025-12-02/day']],
    ['will meet on Tuesday', ['2025-12-09/day']],
    ['will arrive from Sunday', ['2025-12-07/day']],
    ['to make a state visit from Sunday', ['2025-12-07/day']],
    ['on his visit from Thursday', ['2025-12-04/day']],
    ['the plane departed from Hanoi on Wednesday', ['2025-12-03/day']],
    ['held talks on March 5', ['2026-03-05/day']],
    ['held talks on November 28', ['2025-11-28/day']],
    ['a visit from 5-7 March', ['2026-03-05..2026-03-07/day']],
    ['talks on November 20 and 21', ['2025-11-20..2025-11-21/day']],
    ['also spoke on November 20 and 28', ['2025-11-20/day', '2025-11-28/day']],
    ['also spoke on 20 and 28 November', ['2025-11-20/day', '2025-11-28/day']],
    ['a visit on Dec. 12-13', ['2025-12-12..2025-12-13/day']],
    ['a visit from January 29 to 30', ['2026-01-29..2026-01-30/day']],
    ['on April 30 and May 1', ['2026-04-30..2026-05-01/day']],
    ['early on May.4', ['2026-05-04/day']],
    ['talks next week', ['2025-12-08..2025-12-14/day~']],
    ['a visit in November', ['2025-11/month']],
    ['a visit in February', ['2026-02/month']],
    ['a visit next month', ['2026-01/month']],
    ['talks this week', ['2025-12-01..2025-12-07/day~']],
    ['the same day, they met', ['2025-12-03/day@']],
    ['relations since 2015', ['2015/year']],
    ['for approximately 60 minutes', []],
    ['on Sunday (March 1)', ['2026-03-01/day']],
    ['will meet on Monday 15th', ['2025-12-15/day']],
    ['met on Monday 24th', ['2025-11-24/day']],
    ['will meet on Monday 15.', ['2025-12-15/day']],
    ['on Monday 15 leaders will meet', ['2025-12-08/day']],
    ['on Sept. 3, 2021', ['2021-09-03/day']],
    ['met in Astana on October 13 last year', ['2024-10-13/day', '2024/year']],
    ['met in March this year', ['2025-03/month', '2025/year']],
    ['a visit from December 30 to January 2', ['2025-12-30..2026-01-02/day']],
    ['they may meet on 2 May', ['2026-05-02/day']],
    ['talks last Friday', ['2025-11-28/day']],
    ['during his visit last December', ['2024-12/month']],
    ['a visit last March', ['2025-03/month']],
    ['a visit next March', ['2026-03/month']],
    ['a visit later this year', ['2025/year']],
    ['earlier in the day, they met', ['2025-12-03/day@']],
    ['officials said on Monday that A will visit B', ['2025-12-01/day']],
    ['confirmed during talks on Monday that they will cooperate', ['2025-12-01/day']],
    ['met ahead of his visit to Belgium on Monday', ['2025-12-08/day']],
    ['met on Monday ahead of his visit to Belgium', ['2025-12-01/day']],
    ['arrived late Sunday and departs Tuesday', ['2025-11-30/day', '2025-12-09/day']],
    [
      'on Tuesday spoke with B and made plans to talk again next month',
      ['2025-12-02/day', '2026-01/month'],
    ],
  ])('%s', (sentence, expected) => {
    expect(read(sentence)).toEqual(expected);
  });
});

describe('English dates told on an evening west of Greenwich', () => {
  // Tuesday 2017-11-07, 19:19 Pacific time: already Wednesday at UTC (and in Asia)
  const evening = refDateOf('2017-11-07T19:19:00-08:00');
  const morning = refDateOf('2017-11-07T08:00:00-08:00');
  const at = (sentence: string, r: typeof evening) =>
    findEnglishDates(sentence.toLowerCase(), r, null).map((d) => d.value);
  it('reads a past weekday after the publication date as that day', () => {
    expect(at('has arrived in Hanoi on Wednesday', evening)).toEqual(['2017-11-08']);
    expect(at('has arrived in Hanoi on Wednesday', morning)).toEqual(['2017-11-01']);
    expect(at('met on Monday', evening)).toEqual(['2017-11-06']);
  });
});

describe('English dates in a plan told day by day', () => {
  // Thursday 2023-12-07, morning; the story was last at a day to come (December 18)
  const thursday = refDateOf('2023-12-07T09:00:00+02:00');
  const at = (sentence: string) =>
    findEnglishDates(sentence.toLowerCase(), thursday, '2023-12-18').map((d) => d.value);
  it('reads a weekday near the day the story is at', () => {
    expect(at('he will meet B on Wednesday')).toEqual(['2023-12-20']);
  });
  it('reads the publication’s own weekday as that day', () => {
    expect(at('he will hold talks with B on Thursday at 10.30')).toEqual(['2023-12-07']);
  });
});

describe('English weeks told on a Sunday', () => {
  // Sunday 2024-02-04
  const sunday = refDateOf('2024-02-04T12:00:00+10:00');
  const at = (sentence: string) =>
    findEnglishDates(sentence.toLowerCase(), sunday, null).map((d) => `${d.value}..${d.endValue}`);
  it('reads "this week" ahead as the week to come', () => {
    expect(at('he will visit Australia this week')).toEqual(['2024-02-05..2024-02-11']);
  });
  // (its first day the first of its Thursday's month, as every week across a month's end)
  it('reads "this week" gone by as the week ending that day', () => {
    expect(at('he visited Australia this week')).toEqual(['2024-02-01..2024-02-04']);
  });
});
