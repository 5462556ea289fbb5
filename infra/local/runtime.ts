// The whole service in one process, with no AWS account: dynalite as the table, the
// same Hono routes the two Lambda functions mount, served over HTTP. Used by
// `npm start` and by the integration tests.

import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type ServerType, serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { extractEvents } from '../../functions/extract/index.js';
import { createApp } from '../../functions/http/app.js';
import { feedRoutes } from '../../functions/http/feed-routes.js';
import { ingestRoutes } from '../../functions/http/ingest-routes.js';
import { MarkerMemo, PageCache } from '../../functions/http/page-cache.js';
import type { Extract } from '../../functions/ingest/ingest-article.js';
import { DynamoFeedStore, STORE_CLIENT_CONFIG } from '../../functions/store/dynamo-store.js';
import type { ViewMeta } from '../../functions/store/items.js';
import { type LocalEngine, plainJsonProtocol, signForEngine, startDynalite } from './dynalite.js';
import { ensureTable } from './table.js';

export const LOCAL_TABLE = 'diplomacy-feed-local';

/** Dummy credentials: DynamoDB-compatible engines want a signed request, not a real key. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export interface LocalService {
  app: Hono;
  store: DynamoFeedStore;
  /** the feed routes' rendered pages */
  pages: PageCache;
  engine: LocalEngine | null;
  close(): Promise<void>;
}

export interface LocalServiceOptions {
  /** LevelDB folder for dynalite; in memory when absent */
  dataDir?: string;
  /** use this DynamoDB endpoint (e.g. DynamoDB Local) instead of starting dynalite */
  endpoint?: string;
  /** use this dynalite (startDynalite) instead of starting one; it stays open on close */
  engine?: LocalEngine;
  tableName?: string;
  extract?: Extract;
  now?: () => Date;
  publicBaseUrl?: string;
  /** wraps the SDK client, e.g. to inject faults in tests */
  client?: (client: DynamoDBClient) => DynamoDBClient;
  /** how long the feed routes may reuse change markers (ms; page-cache.ts MARKER_TTL_MS
   *  by default; an ingest through this service forgets them at once) */
  markerTtlMs?: number;
  /** bound of the page cache in bytes (page-cache.ts PAGE_CACHE_BYTES by default) */
  pageCacheBytes?: number;
  /** the secret that signs feed cursors (CURSOR_KEY); one per process when absent */
  cursorKey?: string;
}

export async function startLocalService(options: LocalServiceOptions = {}): Promise<LocalService> {
  const own =
    options.endpoint || options.engine
      ? null
      : await startDynalite(options.dataDir ? { path: options.dataDir } : {});
  const engine = options.endpoint ? null : (options.engine ?? own);
  const endpoint = options.endpoint ?? engine!.endpoint;
  const tableName = options.tableName ?? LOCAL_TABLE;
  let client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 3,
    ...STORE_CLIENT_CONFIG,
    // our own engine: its requests as messages to its thread, no socket
    ...(engine ? { requestHandler: engine.requestHandler } : {}),
  });
  if (engine) {
    // Per-request work of the SDK that means nothing to an engine in this process: a
    // user agent built and escaped for every request, and Lambda's X-Ray trace header
    // (the Lambda functions' own clients keep both: functions/store/client.ts).
    client.middlewareStack.remove('getUserAgentMiddleware');
    client.middlewareStack.remove('recursionDetectionMiddleware');
    // with the signature it checks (dynalite.ts signForEngine)
    signForEngine(client.middlewareStack);
    // the item operations' JSON written and read natively (dynalite.ts plainJsonProtocol)
    client.config.protocol = plainJsonProtocol(client.config.protocol);
  }
  await ensureTable(client, tableName);
  if (options.client) client = options.client(client);
  const store = new DynamoFeedStore(client, tableName);
  const app = createApp();
  const pages = new PageCache(options.pageCacheBytes);
  const markers = new MarkerMemo<(ViewMeta | null)[]>(options.markerTtlMs);
  feedRoutes(app, {
    store,
    publicBaseUrl: options.publicBaseUrl,
    cursorKey: options.cursorKey ?? process.env.CURSOR_KEY,
    pages,
    markers,
    now: options.now,
  });
  ingestRoutes(app, {
    store,
    extract: options.extract ?? extractEvents,
    now: options.now ?? (() => new Date()),
    publicBaseUrl: options.publicBaseUrl,
    onChange: () => markers.changed(),
  });
  return {
    app,
    store,
    pages,
    engine,
    close: async () => {
      client.destroy();
      await own?.close();
    },
  };
}

export async function listen(
  app: Hono,
  port: number,
  hostname = '127.0.0.1',
): Promise<{ server: ServerType; url: string }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) => {
      resolve({ server, url: `http://${hostname}:${info.port}` });
    });
    server.once('error', reject);
    // Requests Node's HTTP parser refuses (huge headers, bytes no request may hold)
    // get a problem+json answer too, as every other bad request does.
    server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
      if (!socket.writable) return socket.destroy();
      const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
      const title = status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
      const body = JSON.stringify({
        type: 'about:blank',
        title,
        status,
        detail: 'the request could not be parsed',
      });
      socket.end(
        `HTTP/1.1 ${status} ${title}\r\ncontent-type: application/problem+json; charset=utf-8\r\n` +
          `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
    });
  });
}
