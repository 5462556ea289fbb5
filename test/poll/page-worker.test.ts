// Page work under its limits and its time budget (functions/poll/page.ts,
// functions/poll/page-worker.ts): a page over a limit is refused before Readability
// runs; a page whose work outlasts the budget has its worker terminated and is
// refused, and the next page gets a fresh worker. Budgets here are far from the work
// they cut (≈11 s of Readability against 200 ms): what is asserted is how the page
// settled, never how fast.
import { afterEach, describe, expect, it } from 'vitest';
import { extractPage, PAGE_LIMITS, PageRefused } from '../../functions/poll/page.js';
import { PageWorker } from '../../functions/poll/page-worker.js';
import { articlePage, seedArticles } from './fixtures.js';

const seed = seedArticles()[0]!;
const deep = (n: number) =>
  `<html><body>${'<div>'.repeat(n)}<p>${seed.text}</p>${'</div>'.repeat(n)}</body></html>`;
const URL_ = 'https://news.example/a.html';

let worker: PageWorker | undefined;
afterEach(async () => {
  await worker?.close();
  worker = undefined;
});

describe('page limits, before Readability', () => {
  it('refuses a page over the length, element or depth cap, naming which', () => {
    const small = { maxHtmlChars: 10_000, maxElements: 50, maxDepth: 20 };
    expect(() => extractPage('x'.repeat(10_001), URL_, small)).toThrow(
      /10001 characters, over the 10000 cap/,
    );
    expect(() => extractPage(`<body>${'<p>a</p>'.repeat(60)}</body>`, URL_, small)).toThrow(
      /more than 50 elements/,
    );
    expect(() => extractPage(deep(30), URL_, small)).toThrow(PageRefused);
    expect(() => extractPage(deep(30), URL_, small)).toThrow(/nested more than 20 deep/);
  });

  it('lets an outlet’s article page through the default limits', () => {
    expect(extractPage(articlePage(seed), URL_, PAGE_LIMITS)?.text).toContain(
      seed.text.slice(0, 60),
    );
    expect(extractPage(deep(150), URL_, PAGE_LIMITS)?.text).toContain(seed.text.slice(0, 60));
  });
});

describe('the page worker', () => {
  it('extracts in a worker thread what extractPage gives', async () => {
    worker = new PageWorker();
    expect(await worker.extract(articlePage(seed), URL_)).toEqual(
      extractPage(articlePage(seed), URL_),
    );
    await expect(worker.extract(deep(1_200), URL_)).rejects.toThrow(/nested more than 200 deep/);
  });

  it('terminates the worker of a page over its budget, refuses the page, and goes on with a fresh one', async () => {
    // limits opened wide so that only the budget can stop the depth-1,200 page
    worker = new PageWorker({ budgetMs: 200, limits: { ...PAGE_LIMITS, maxDepth: 10_000 } });
    const slow = worker.extract(deep(1_200), URL_);
    const next = worker.extract(articlePage(seed), URL_);
    await expect(slow).rejects.toThrow(PageRefused);
    await expect(slow).rejects.toThrow(/over its 200 ms budget/);
    expect((await next)?.text).toContain(seed.text.slice(0, 60));
  });
});
