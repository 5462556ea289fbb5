// Which feed-view postings an event has: `<view>|<sort key>` strings, kept on the event
// item so that postings left behind by an earlier state can be deleted. Pure.

import type { EventFacts } from '../domain/event.js';
import { CHANGES_VIEW, viewsOf } from '../domain/feed-query.js';
import { changeSort, postingSort } from './table.js';

/** The event's postings: one in each filter view it belongs to (by start), and one in
 *  the view by last change (`modified`). */
export function postingsOf(
  id: string,
  facts: Pick<EventFacts, 'countries' | 'type' | 'category' | 'status' | 'start'>,
  modified: string,
): string[] {
  const sort = postingSort(facts.start, id);
  return [
    ...viewsOf(facts).map((view) => `${view}|${sort}`),
    `${CHANGES_VIEW}|${changeSort(modified, id)}`,
  ];
}

export function splitPosting(posting: string): { view: string; sort: string } {
  const bar = posting.indexOf('|');
  return { view: posting.slice(0, bar), sort: posting.slice(bar + 1) };
}
