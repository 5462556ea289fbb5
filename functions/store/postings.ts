// Which feed-view postings an event has: `<view>|<sort key>` strings, kept on the event
// item so that postings left behind by an earlier state can be deleted. Pure.

import type { EventFacts } from '../domain/event.js';
import { viewsOf } from '../domain/feed-query.js';
import { postingSort } from './table.js';

export function postingsOf(
  id: string,
  facts: Pick<EventFacts, 'countries' | 'type' | 'category' | 'status' | 'start'>,
): string[] {
  const sort = postingSort(facts.start, id);
  return viewsOf(facts).map((view) => `${view}|${sort}`);
}

export function splitPosting(posting: string): { view: string; sort: string } {
  const bar = posting.indexOf('|');
  return { view: posting.slice(0, bar), sort: posting.slice(bar + 1) };
}
