// Public ids never change: subscribers' readers and calendars key items on them, and the
// store keys articles and events on the others. Written out literally, so that any change
// to how they are derived (the UUID namespace, the digest, the slice) fails here.
import { describe, expect, it } from 'vitest';
import { canonicalArticleUrl } from '../../functions/domain/article-url.js';
import { newEventId } from '../../functions/domain/identity.js';
import { articleId } from '../../functions/domain/report.js';
import { eventFeedId } from '../../functions/render/ids.js';

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
});
