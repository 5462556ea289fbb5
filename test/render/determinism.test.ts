// Pure renderers: the same page gives the same bytes, whatever the clock, the time
// zone or the order of calls.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAtom } from '../../functions/render/atom.js';
import { renderEventPage, renderHomePage } from '../../functions/render/html.js';
import { renderCalendar } from '../../functions/render/ical.js';
import { jsonFeedItem, renderJsonFeed } from '../../functions/render/jsonfeed.js';
import { renderRss } from '../../functions/render/rss.js';
import type { FeedPage } from '../../functions/render/types.js';
import { samplePage, stateVisit } from './samples.js';

const renderers: Record<string, (p: FeedPage) => string> = {
  atom: renderAtom,
  rss: renderRss,
  json: renderJsonFeed,
  ics: renderCalendar,
  home: renderHomePage,
  event: (p) => renderEventPage(p.events[0]!, p),
  item: (p) => JSON.stringify(jsonFeedItem(p.events[0]!, p)),
};

afterEach(() => {
  vi.useRealTimers();
});

describe.each(Object.entries(renderers))('%s', (_name, render) => {
  it.each([null, 'en'] as const)(
    'same bytes twice, at other times, and the page is not mutated (lang=%s)',
    (lang) => {
      const page = samplePage(undefined, { lang });
      const snapshot = JSON.stringify(page);
      vi.useFakeTimers();
      vi.setSystemTime(new Date('2001-01-01T00:00:00Z'));
      const first = render(page);
      vi.setSystemTime(new Date('2099-12-31T23:59:59Z'));
      const second = render(page);
      vi.useRealTimers();
      expect(second).toBe(first);
      expect(render(structuredClone(page))).toBe(first);
      expect(JSON.stringify(page)).toBe(snapshot);
      expect(first).not.toContain('2099');
      expect(first).not.toContain('2001-01-01');
    },
  );
});

describe('no hidden inputs', () => {
  it('Math.random is never called', () => {
    const spy = vi.spyOn(Math, 'random');
    for (const render of Object.values(renderers)) render(samplePage([stateVisit()]));
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});
