// Public ids never change: subscribers' readers and calendars key items on them, and the
// store keys articles and events on the others. Written out literally, so that any change
// to how they are derived (the UUID namespace, the digest, the slice) fails here. A feed
// cursor is kept by subscribers' readers between deploys, so it is golden too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalArticleUrl } from '../../functions/domain/article-url.js';
import { newEventId } from '../../functions/domain/identity.js';
import { articleId } from '../../functions/domain/report.js';
import { cursorKey, openCursor, signCursor } from '../../functions/http/cursor.js';
import { eventFeedId } from '../../functions/render/ids.js';
import type { LocalService } from '../../infra/local/runtime.js';
import { service, statedEvents } from '../integration/harness.js';

const GOLDEN_KEY = 'a golden key that never changes, for the test';
/** The cursor after the posting `2026-02-05#r2gjUK7tqCD7Veub` of the view `?country=VN`. */
const GOLDEN_CURSOR = 'oKnkG0dENGAniRKcMjAyNi0wMi0wNSNyMmdqVUs3dHFDRDdWZXVi';

describe('golden public ids', () => {
  it("gives an event's item the same urn:uuid forever", () => {
    expect(eventFeedId('k3d9Zx1yQvB7mN2p')).toBe('urn:uuid:93e6bb81-628c-58e7-8fb6-2574359ff8df');
  });

  it('keys an article by its canonical URL the same way forever', () => {
    expect(
      articleId(
        canonicalArticleUrl('http://NEWS.example.vn/2026/02/05/to-lam-lao?utm_source=x#top'),
      ),
    ).toBe('CIBbQy7SFJOMH02LFLlOtL');
  });

  it("derives a new event's id from the report that first told of it the same way forever", () => {
    expect(newEventId('https://news.example.vn/2026/02/05/to-lam-lao#0')).toBe('r2gjUK7tqCD7Veub');
  });

  it('signs a cursor for a view and a posting the same way forever', () => {
    const key = cursorKey(GOLDEN_KEY);
    expect(signCursor(key, '?country=VN', '2026-02-05#r2gjUK7tqCD7Veub')).toBe(GOLDEN_CURSOR);
    expect(openCursor(key, '?country=VN', GOLDEN_CURSOR)).toBe('2026-02-05#r2gjUK7tqCD7Veub');
  });

  describe('a next link handed out before a deploy', () => {
    let s: LocalService;
    beforeAll(async () => {
      s = await service({ extract: statedEvents, cursorKey: GOLDEN_KEY });
    });
    afterAll(() => s.close());

    it('still pages its view, in any page size and format, and no other view', async () => {
      for (const path of [
        '/feeds/feed.json?country=VN&limit=2',
        '/feeds/atom.xml?country=VN&limit=5',
      ]) {
        expect(
          (await s.app.request(`http://localhost${path}&cursor=${GOLDEN_CURSOR}`)).status,
          path,
        ).toBe(200);
      }
      expect(
        (await s.app.request(`http://localhost/feeds/feed.json?country=LA&cursor=${GOLDEN_CURSOR}`))
          .status,
      ).toBe(400);
    });
  });
});
