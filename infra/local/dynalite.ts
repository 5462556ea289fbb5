// An embedded DynamoDB-compatible engine for the local runtime and the tests: dynalite,
// in memory or persisted to disk, in a worker thread of this process — its own thread,
// as DynamoDB is its own service, so the engine's work does not queue behind the
// server's on one event loop. It listens on a free loopback port (`endpoint`) for any
// HTTP client, and `requestHandler` gives the local service's own SDK client the same
// engine without a socket: each request the SDK has built (with the signature header
// this engine checks, signForEngine) goes to dynalite's request handler in a message
// (dynalite-engine.mjs; the requests of one turn of the loop in one message), and its
// answer comes back for the SDK to read, retry or fail on, as over HTTP.
import { Worker } from 'node:worker_threads';
import type {
  $ClientProtocol,
  FinalizeHandler,
  FinalizeHandlerArguments,
  HttpHandlerOptions,
  HttpRequest,
  HttpResponse,
  MetadataBearer,
  MiddlewareStack,
  RequestHandler,
} from '@smithy/types';
import * as z from 'zod/mini';

export interface LocalEngine {
  endpoint: string;
  /** the engine for an SDK client, without a socket (its `requestHandler`) */
  requestHandler: RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions>;
  close(): Promise<void>;
}

/** The SigV4 headers this engine checks: dynalite wants an `Authorization` header of
 *  SigV4's form and a date, and checks neither the signature nor the date. */
const ENGINE_SIGNATURE = {
  'x-amz-date': '20260101T000000Z',
  authorization:
    'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=unsigned',
} as const;

/**
 * Signs the local service's own client's requests as this engine checks them: with a
 * fixed header (ENGINE_SIGNATURE) set on every attempt, where the SDK's signing step
 * stood, instead of the SDK choosing an auth scheme, resolving credentials and
 * signing. Signing was the largest part of a request's cost on the caller's thread (a
 * SHA-256 of the body and a chain of HMACs: ~150 µs of ~300), and the scheme's
 * selection (its parameters, a map of schemes and the credentials, resolved anew for
 * every request) was next. Only for this engine in this process: a client of any
 * other endpoint (DynamoDB Local, a Lambda's client of DynamoDB) signs as the SDK does.
 */
export function signForEngine(stack: MiddlewareStack<object, MetadataBearer>): void {
  stack.remove('httpAuthSchemeMiddleware');
  stack.remove('httpSigningMiddleware');
  stack.addRelativeTo(
    (next: FinalizeHandler<object, MetadataBearer>) => (args: FinalizeHandlerArguments<object>) => {
      const request = args.request as Partial<HttpRequest> | undefined;
      if (request?.headers) Object.assign(request.headers, ENGINE_SIGNATURE);
      return next(args);
    },
    { name: 'engineSignatureMiddleware', relation: 'after', toMiddleware: 'retryMiddleware' },
  );
}

/** The operations whose input and output are plain JSON in the store's use: attribute
 *  values of strings, numbers, lists and maps (the store writes no binary), and no
 *  timestamps. */
const PLAIN_JSON_OPERATIONS: ReadonlySet<string> = new Set([
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'BatchGetItem',
  'BatchWriteItem',
]);

/** Thrown by plainJson's replacer at a value JSON.stringify would not write as the
 *  SDK does (bytes, a date, a big integer): that request takes the SDK's serializer. */
const NOT_PLAIN = Symbol('not plain JSON');

function plainJson(input: object): string | typeof NOT_PLAIN {
  try {
    return JSON.stringify(input, function (this: Record<string, unknown>, key, value) {
      const raw = key === '' ? value : this[key];
      if (raw instanceof Uint8Array || raw instanceof Date || typeof raw === 'bigint')
        throw NOT_PLAIN;
      return value;
    });
  } catch (error) {
    if (error === NOT_PLAIN) return NOT_PLAIN;
    throw error;
  }
}

/**
 * The SDK's protocol for the local service's own client, with the JSON of the item
 * operations written and read by JSON.stringify and JSON.parse. DynamoDB's wire format
 * is the command's input as JSON (the store hands the SDK attribute values already
 * marshalled), but the SDK writes it by walking the operation's schema and escaping
 * every string character by character, and reads the answer back the same way: with
 * ~10 store requests per ingested article, that was the largest part of the SDK's
 * work on the server's main thread. The request is still the SDK's (its method, path,
 * endpoint and headers, from `base` given no input), and every error answer, any
 * other operation, and any input holding bytes, dates or big integers (whose JSON
 * differs from the wire format) go through `base` whole, so errors, retries and the
 * middleware above (fault injection in the tests included) are as before. Only for
 * this engine in this process: a client of any other endpoint is untouched.
 */
export function plainJsonProtocol(
  base: $ClientProtocol<HttpRequest, HttpResponse>,
): $ClientProtocol<HttpRequest, HttpResponse> {
  return {
    getShapeId: () => base.getShapeId(),
    getRequestType: () => base.getRequestType(),
    getResponseType: () => base.getResponseType(),
    getPayloadCodec: () => base.getPayloadCodec(),
    setSerdeContext: (context) => base.setSerdeContext(context),
    updateServiceEndpoint: (request, endpoint) => base.updateServiceEndpoint(request, endpoint),
    async serializeRequest(operation, input, context) {
      const body = PLAIN_JSON_OPERATIONS.has(operation.name) ? plainJson(input) : NOT_PLAIN;
      if (body === NOT_PLAIN) return base.serializeRequest(operation, input, context);
      const request = await base.serializeRequest(operation, {}, context);
      request.body = body;
      return request;
    },
    async deserializeResponse<Output extends MetadataBearer>(
      operation: Parameters<typeof base.deserializeResponse>[0],
      context: Parameters<typeof base.deserializeResponse>[1],
      response: HttpResponse,
    ): Promise<Output> {
      const text = response.body instanceof Uint8Array ? bodyText(response.body) : null;
      if (
        response.statusCode >= 300 ||
        text === null ||
        !PLAIN_JSON_OPERATIONS.has(operation.name) ||
        // a binary attribute value, which the SDK reads into bytes (the store writes none)
        text.includes('"B":') ||
        text.includes('"BS":')
      )
        return base.deserializeResponse<Output>(operation, context, response);
      const headers = response.headers;
      return {
        ...(text.length > 0 ? (JSON.parse(text) as object) : {}),
        $metadata: {
          httpStatusCode: response.statusCode,
          requestId: headers['x-amzn-requestid'],
          extendedRequestId: headers['x-amz-id-2'],
          cfId: headers['x-amz-cf-id'],
        },
      } as Output;
    },
  };
}

/** How long the engine may take to start, and to answer one request (it answers in
 *  milliseconds: a request still unanswered after this fails, and the SDK may retry). */
const START_MS = 30_000;
const ANSWER_MS = 30_000;

const Answer = z.union([
  z.object({
    id: z.number(),
    status: z.number(),
    headers: z.record(z.string(), z.string()),
    body: z.string(),
  }),
  z.object({ id: z.number(), error: z.string() }),
]);

/** What the engine's thread sends: that it listens, once, then answers in lists (all
 *  it had ready in one turn of its loop). */
const Reply = z.union([
  z.object({ listening: z.number() }),
  z.object({ answers: z.array(Answer) }),
]);

/** One request as the engine's thread takes it (dynalite-engine.mjs). */
interface EngineRequest {
  id: number;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What a connection that failed looks like to the SDK (retryable, as over HTTP). */
function connectionError(message: string): Error {
  return Object.assign(new Error(message), { code: 'ECONNRESET' });
}

/** The request body as text. The SDK serializes JSON into bytes (an array that also
 *  answers string methods, with a warning): read as bytes, not through those. */
function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array)
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  if (body === undefined || body === null) return '';
  throw new Error('the local engine takes a text or byte request body');
}

export async function startDynalite(options: { path?: string } = {}): Promise<LocalEngine> {
  const worker = new Worker(new URL('./dynalite-engine.mjs', import.meta.url), {
    workerData: options,
  });
  const waiting = new Map<
    number,
    {
      resolve: (r: { response: HttpResponse }) => void;
      reject: (e: Error) => void;
      timer: NodeJS.Timeout;
    }
  >();
  let down: Error | null = null;
  let next = 0;
  // the first failure stays the reason (its message may say what to do)
  const failAll = (error: Error) => {
    down ??= error;
    for (const [, w] of waiting) {
      clearTimeout(w.timer);
      w.reject(down);
    }
    waiting.clear();
  };
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`dynalite did not start within ${START_MS} ms`));
      void worker.terminate();
    }, START_MS);
    worker.on('message', (message: unknown) => {
      const parsed = Reply.safeParse(message);
      if (!parsed.success)
        return failAll(connectionError('dynalite answered with a malformed message'));
      const reply = parsed.data;
      if ('listening' in reply) {
        clearTimeout(timer);
        resolve(reply.listening);
        return;
      }
      for (const answer of reply.answers) {
        const w = waiting.get(answer.id);
        if (!w) continue;
        waiting.delete(answer.id);
        clearTimeout(w.timer);
        if ('error' in answer) w.reject(connectionError(`dynalite failed: ${answer.error}`));
        else
          w.resolve({
            response: {
              statusCode: answer.status,
              headers: answer.headers,
              body: Buffer.from(answer.body, 'utf8'),
            },
          });
      }
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
      failAll(connectionError(`dynalite stopped: ${error.message}`));
    });
    worker.on('exit', () => {
      clearTimeout(timer);
      reject(new Error('dynalite stopped while starting'));
      failAll(connectionError('dynalite is not running'));
    });
  });

  // Requests go in lists, as the answers come back: the requests made before this
  // thread's queue of microtasks runs dry are one message (each message wakes the
  // engine's thread). Sent then, not at the end of the loop's turn: a turn may go on to
  // other callbacks (another article's extraction, a millisecond or more), and a request
  // held behind them was the largest wait in a store round trip seen from this thread
  // (with setImmediate the ingest bench's rounds took ~14 % longer).
  let outbox: EngineRequest[] = [];
  const sendRequests = () => {
    const requests = outbox;
    outbox = [];
    if (!down) worker.postMessage({ requests });
  };

  const requestHandler: LocalEngine['requestHandler'] = {
    handle: (request) =>
      new Promise((resolve, reject) => {
        if (down) return reject(down);
        const id = next++;
        const query = new URLSearchParams(request.query as Record<string, string>).toString();
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(request.headers))
          headers[name.toLowerCase()] = value;
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(connectionError(`dynalite did not answer within ${ANSWER_MS} ms`));
        }, ANSWER_MS);
        waiting.set(id, { resolve, reject, timer });
        if (outbox.length === 0) queueMicrotask(sendRequests);
        outbox.push({
          id,
          method: request.method,
          url: query ? `${request.path}?${query}` : request.path,
          headers,
          body: bodyText(request.body),
        });
      }),
  };

  return {
    endpoint: `http://127.0.0.1:${port}`,
    requestHandler,
    close: async () => {
      if (down) return;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('close');
      await exited;
    },
  };
}
