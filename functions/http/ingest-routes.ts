// The write side: POST /articles (CONTRACT §2). Bad input is refused before anything
// is stored; 201 for a new article, 200 for one seen before.
import type { Hono } from 'hono';
import { ArticleInput, toArticle } from '../domain/article.js';
import { EXTRACTED_LANGUAGES, readsLanguage } from '../extract/index.js';
import { type Extract, ingestArticle } from '../ingest/ingest-article.js';
import { eventFeedId, eventUrl } from '../render/ids.js';
import { articleLanguage, eventTitle } from '../render/text.js';
import { publicEvent } from '../store/items.js';
import type { EventStore } from '../store/store.js';
import { allowOnly, publicOrigin } from './app.js';
import { problem, problemResponse } from './problem.js';

/** A 200,000-character text is at most 800 KB of UTF-8; the rest is metadata. */
export const MAX_BODY_BYTES = 1_048_576;

export interface IngestDeps {
  store: EventStore;
  extract: Extract;
  now: () => Date;
  publicBaseUrl?: string | undefined;
  /** told after every ingest that may have changed the store (the local server's
   *  feed routes forget the change markers they hold) */
  onChange?: () => void;
}

/** The body, or null as soon as it grows past `limit` bytes (a chunked body declares
 *  no length, so it is counted as it arrives rather than read whole first). */
async function readAtMost(request: Request, limit: number): Promise<Uint8Array | null> {
  // A body that declares a length within the limit is read whole: the server takes no
  // more bytes than declared, and Node's server reads it straight off the connection
  // (@hono/node-server), with no web stream and no full Request built around it,
  // which was a share of every ingest's work on the server's thread. Checked again
  // after, in case a runtime passes on a longer body than it declared.
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d{1,9}$/.test(declared) && Number(declared) <= limit) {
    const bytes = new Uint8Array(await request.arrayBuffer());
    return bytes.byteLength > limit ? null : bytes;
  }
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function invalid(name: string, reason: string): Response {
  return problemResponse(problem(400, `\`${name}\` ${reason}`, { name, reason }));
}

function describeIssue(code: string, path: string): string {
  switch (code) {
    case 'invalid_type':
      return path === 'text' || path === 'publishedAt'
        ? 'is required and must be a string'
        : 'has the wrong type';
    case 'too_small':
      return 'is too short';
    case 'too_big':
      return 'is too long';
    case 'invalid_format':
      return path === 'url' ? 'must be an absolute http(s) URL' : 'has the wrong format';
    default:
      return 'is not valid';
  }
}

export function ingestRoutes(app: Hono, deps: IngestDeps): void {
  app.post('/articles', async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
      return problemResponse(problem(415, 'send the article as application/json'));
    }
    const declared = Number(c.req.header('content-length') ?? '0');
    if (declared > MAX_BODY_BYTES)
      return problemResponse(problem(413, `the body is over ${MAX_BODY_BYTES} bytes`));
    const bytes = await readAtMost(c.req.raw, MAX_BODY_BYTES);
    if (!bytes) return problemResponse(problem(413, `the body is over ${MAX_BODY_BYTES} bytes`));

    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return invalid('body', 'is not valid UTF-8');
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return invalid('body', 'is not valid JSON');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      return invalid('body', 'must be a JSON object (CONTRACT §2)');
    }
    const parsed = ArticleInput.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const name = issue.path.map(String).join('.') || 'body';
      const reason =
        issue.message !== 'Invalid input' ? issue.message : describeIssue(issue.code, name);
      return invalid(name, reason);
    }

    const article = toArticle(parsed.data);
    let result: Awaited<ReturnType<typeof ingestArticle>>;
    try {
      result = await ingestArticle(deps.store, article, deps.extract, deps.now);
    } finally {
      // a failed ingest may have written part of its change too
      deps.onChange?.();
    }
    const origin = publicOrigin(c, deps.publicBaseUrl);
    // the events by id, title and URL: bounded whatever the article (at most
    // MAX_EVENTS_PER_ARTICLE events); their facts are at the URL. Titles in the
    // article's language (CONTRACT §3).
    const titleLanguage = articleLanguage(article.language);
    const body = {
      events: result.events.map((head) => {
        const event = publicEvent(head);
        return {
          id: eventFeedId(event.id),
          url: eventUrl(event.id, { baseUrl: origin }),
          title: eventTitle(event, titleLanguage),
        };
      }),
      // an article stored but not read: say so rather than answer an empty list silently
      ...(readsLanguage(article.language)
        ? {}
        : {
            notice: `The article is stored, but no events were read from it: it is in "${article.language}", and the extractor reads ${EXTRACTED_LANGUAGES.join(', ')} only.`,
          }),
    };
    return new Response(JSON.stringify(body), {
      status: result.created ? 201 : 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    });
  });
  allowOnly(app, '/articles', ['POST']);
}
