// The body of the local engine's worker thread (started by dynalite.ts): dynalite, on a
// loopback port for any HTTP client, and also fed the requests of the local service's
// own SDK client as messages — the same request handler dynalite's HTTP server runs
// (every validation, the signature header check, the action, the JSON answer), without
// a socket on either side. Plain JavaScript so the worker starts without a TypeScript
// loader. Messages:
//   in:  { id, method, url, headers, body }   one request (header names lower-case)
//        'close'                               stop the server and the store, then exit
//   out: { listening: port }                   once, when ready
//        { id, status, headers, body }         the answer to request `id`
//        { id, error }                         the handler threw (the caller fails the request)
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import dynalite from 'dynalite';

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
    parentPort.postMessage({
      id: this.id,
      status: this.statusCode,
      headers: this.headers,
      body: body === undefined ? '' : String(body),
    });
  }
}

parentPort.on('message', (message) => {
  if (message === 'close') {
    server.close(() => process.exit(0));
    return;
  }
  const { id, method, url, headers, body } = message;
  // the part of http.IncomingMessage it uses: a readable body, method, url, headers
  const request = Object.assign(Readable.from(body ? [Buffer.from(body, 'utf8')] : []), {
    method,
    url,
    headers,
  });
  try {
    handle(request, new Answer(id));
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});

server.listen(0, '127.0.0.1', () => parentPort.postMessage({ listening: server.address().port }));
