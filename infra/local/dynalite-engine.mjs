// The body of the local engine's worker thread (started by dynalite.ts): dynalite, on a
// loopback port for any HTTP client, and also fed the requests of the local service's
// own SDK client as messages — the same request handler dynalite's HTTP server runs
// (every validation, the signature header check, the action, the JSON answer), without
// a socket on either side. Plain JavaScript so the worker starts without a TypeScript
// loader. Messages (requests and answers travel in lists: what one side has ready in
// one turn of its event loop goes as one message, see `outbox`):
//   in:  { requests: [{ id, method, url, headers, body }] }   requests (header names lower-case)
//        'close'                               stop the server and the store, then exit
//   out: { listening: port }                   once, when ready
//        { answers: [answer] }                 answers, each { id, status, headers, body }
//                                              or { id, error } (the handler threw: the caller
//                                              fails the request)
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import dynalite from 'dynalite';

// dynalite reads the table's description from its store for every request and again for
// every item of a batch (a LevelDB read each, on disk). Every write of a description goes
// through the same sub-store (CreateTable, UpdateTable, DeleteTable), so the engine keeps
// each description as last read, as text, forgets it at any write, and hands out a
// fresh copy each time (dynalite changes the object it is given): a read of the store
// that would give the same value is answered from memory.
const store = createRequire(import.meta.url)('dynalite/db');
const create = store.create;
store.create = (options) => {
  const created = create(options);
  const tables = created.tableDb;
  /** name → the description as text; writes count per name, so that a read that
   *  started before a write does not keep what the write replaced */
  const known = new Map();
  const writes = new Map();
  const wrote = (name) => {
    known.delete(name);
    writes.set(name, (writes.get(name) ?? 0) + 1);
  };
  const { get, put, del } = tables;
  // answered in a microtask: still after the caller returns, as a store read would be,
  // but in this turn of the loop, so the item read and write it leads to join this
  // turn's rather than the next
  tables.get = (name, callback) => {
    const text = known.get(name);
    if (text !== undefined) return queueMicrotask(() => callback(null, JSON.parse(text)));
    const before = writes.get(name) ?? 0;
    get.call(tables, name, (error, table) => {
      if (!error && table && typeof table === 'object' && (writes.get(name) ?? 0) === before)
        known.set(name, JSON.stringify(table));
      callback(error, table);
    });
  };
  tables.put = (name, table, callback) => {
    wrote(name);
    put.call(tables, name, table, (error) => {
      wrote(name);
      callback(error);
    });
  };
  tables.del = (name, callback) => {
    wrote(name);
    del.call(tables, name, (error) => {
      wrote(name);
      callback(error);
    });
  };
  coalesce(created.db, created.lifecycleManager);
  return created;
};

/**
 * dynalite reads and writes its store one key at a time: every item of a request is a
 * `get` (the item it replaces) and then a `put` or `del`, each its own call into
 * LevelDB — on disk, a hop to libuv's thread pool and back per key, ~70 per ingested
 * article. Writes are queued here instead: the keys written in one turn of this
 * thread's event loop go as one `batch` (applied in the order queued, atomically), each
 * caller answered as before. Reads are answered on this thread (`getSync`: LevelDB's
 * memtable, cache or files, without the hop to the pool), in a microtask. No caller is
 * answered before its key was read or written: a request still sees every write a
 * request answered before it made, as with one call per key.
 */
function coalesce(db, lifecycle) {
  const { batch } = db;
  /** @type {{ op: object, callback: (error: Error | null) => void }[]} */
  let writes = [];
  let scheduled = false;
  // each caller answered in a microtask of its own once its key was read or written
  // (a throw in one does not keep the others unanswered), not one turn later: the
  // requests it leads to (dynalite's next read or write, the answer to send) join
  // this turn's, and an answer is not held back by a turn of other work
  const answer = (callback, ...args) => queueMicrotask(() => callback(...args));
  const flush = () => {
    scheduled = false;
    const queued = writes;
    writes = [];
    batch.call(
      db,
      queued.map((w) => w.op),
      (error) => {
        for (const w of queued) answer(w.callback, error ?? null);
      },
    );
  };
  const open = () => lifecycle.getState() === 'open';
  // only the callback style dynalite's item, index and table stores use; a call
  // without a callback (a promise) goes on as it was
  for (const [name, toOp] of [
    ['put', (key, value) => ({ type: 'put', key, value })],
    ['del', (key) => ({ type: 'del', key })],
  ]) {
    const original = db[name];
    db[name] = function (...args) {
      const callback = args[args.length - 1];
      if (typeof callback !== 'function' || !open()) return original.apply(this, args);
      writes.push({ op: toOp(...args.slice(0, -1)), callback });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    };
  }
  const get = db.get;
  db.get = function (key, callback) {
    // (while the store is still opening, a read waits for it as dynalite's own does)
    if (
      typeof callback !== 'function' ||
      !open() ||
      db.status !== 'open' ||
      db.supports.getSync !== true
    )
      return get.call(this, key, callback);
    let value;
    try {
      value = db.getSync(key);
    } catch (error) {
      answer(callback, error);
      return;
    }
    answer(callback, null, value);
  };
}

const server = dynalite({ ...workerData, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
// what http.createServer was given: dynalite(req, res) for every request
const [handle] = server.listeners('request');

/** The part of http.ServerResponse dynalite's handler uses. */
class Answer {
  statusCode = 200;
  headers = {};
  /** set by dynalite's handler, read back by it */
  contentType = undefined;
  constructor(id) {
    this.id = id;
  }
  setHeader(name, value) {
    this.headers[name.toLowerCase()] = String(value);
  }
  end(body) {
    answer({
      id: this.id,
      status: this.statusCode,
      headers: this.headers,
      body: body === undefined ? '' : String(body),
    });
  }
}

/** The part of http.IncomingMessage dynalite's handler uses: method, url, headers,
 *  and its body as 'data' then 'end' events. The handler listens as soon as it is
 *  called, so the body is given at once after (no stream to drive: a Readable per
 *  request was a tenth of this thread's work). */
class Request extends EventEmitter {
  constructor(method, url, headers) {
    super();
    this.method = method;
    this.url = url;
    this.headers = headers;
  }
}

/**
 * Answers go back in lists: every answer ready in one turn of this thread's loop is one
 * message. Each message wakes the other thread, and answers come in bursts (the keys
 * of one turn are read and written together, above): one wake-up per burst, not per
 * answer.
 */
let outbox = [];
function answer(reply) {
  if (outbox.length === 0) setImmediate(sendAnswers);
  outbox.push(reply);
}
function sendAnswers() {
  const answers = outbox;
  outbox = [];
  parentPort.postMessage({ answers });
}

parentPort.on('message', (message) => {
  if (message === 'close') {
    server.close(() => process.exit(0));
    return;
  }
  for (const { id, method, url, headers, body } of message.requests) {
    const request = new Request(method, url, headers);
    try {
      handle(request, new Answer(id));
      if (body) request.emit('data', Buffer.from(body, 'utf8'));
      request.emit('end');
    } catch (error) {
      answer({ id, error: error instanceof Error ? error.message : String(error) });
    }
  }
});

server.listen(0, '127.0.0.1', () => parentPort.postMessage({ listening: server.address().port }));
