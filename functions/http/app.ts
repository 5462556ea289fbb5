// The one Hono app shape that both Lambda functions and the local server run. Each
// function mounts only its own routes (feed-routes.ts, ingest-routes.ts); the local
// server mounts both. Errors become problem+json here, and are logged with context.
import type { Context } from 'hono';
// the preset with hono's smallest router: a few fixed routes, and ~5 KB less in each bundle
import { Hono } from 'hono/tiny';
import { ContentionError } from '../ingest/ingest-article.js';
import { logger, metrics } from '../shared/observability.js';
import { StoreUnavailableError } from '../store/store.js';
import { KeyTooLongError } from '../store/table.js';
import { problem, problemResponse } from './problem.js';

export const RETRY_AFTER_SECONDS = '5';

export function createApp(): Hono {
  const app = new Hono();
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    const status = c.res.status;
    logger.info('request', {
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      status,
      ms: Math.round(performance.now() - started),
    });
    metrics.count(status >= 500 ? 'ServerErrors' : status >= 400 ? 'ClientErrors' : 'Responses');
  });
  app.notFound((c) => problemResponse(problem(404, `nothing at ${new URL(c.req.url).pathname}`)));
  app.onError((error, c) => {
    const context = { method: c.req.method, path: new URL(c.req.url).pathname };
    if (error instanceof StoreUnavailableError || error instanceof ContentionError) {
      logger.warn('store unavailable', { ...context, error });
      return problemResponse(problem(503, 'the event store is unavailable; retry later'), {
        'retry-after': RETRY_AFTER_SECONDS,
      });
    }
    if (error instanceof KeyTooLongError) {
      // an input the table cannot hold under any retry: the client's to fix
      logger.info('key too long', { ...context, error: error.message });
      return problemResponse(
        problem(400, "a value is too long to be stored (a key over the table's limits)", {
          name: 'url',
          reason: 'is too long to be stored',
        }),
      );
    }
    logger.error('request failed', { ...context, error });
    return problemResponse(problem(500, 'an unexpected error occurred; it has been logged'));
  });
  return app;
}

/** Answers every other method on a path with 405 and its Allow header. */
export function allowOnly(app: Hono, path: string, allowed: string[]): void {
  app.all(path, () =>
    problemResponse(problem(405, `allowed: ${allowed.join(', ')}`), { allow: allowed.join(', ') }),
  );
}

const HOST = /^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/;

/** The public origin for absolute links: configured, else what the proxy in front
 *  says (CloudFront forwards the viewer's host), else the request's own. */
export function publicOrigin(c: Context, configured: string | undefined): string {
  if (configured) return configured.replace(/\/+$/, '');
  const forwardedHost = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
  const forwardedProto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
  if (forwardedHost && HOST.test(forwardedHost)) {
    return `${forwardedProto === 'http' ? 'http' : 'https'}://${forwardedHost}`;
  }
  return new URL(c.req.url).origin;
}
