// Raw HTTP/1.1 over a TCP socket, for the hostile requests that only exist on the wire
// (invalid bytes in the request line, huge headers, raw bodies, chunked uploads).
import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** the socket was reset while we were still writing (the server gave up early) */
  reset: boolean;
}

/** Sends `head` (request line and headers, CRLF-terminated, without the blank line's
 *  own CRLF added) and `body` raw; reads until the server closes (send `Connection: close`). */
export function rawRequest(
  port: number,
  head: string | Buffer,
  body: Buffer | Buffer[] = Buffer.alloc(0),
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let reset = false;
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ECONNRESET') reset = true;
      else reject(e);
    });
    socket.on('close', () => {
      const raw = Buffer.concat(chunks).toString('latin1');
      const end = raw.indexOf('\r\n\r\n');
      if (end < 0) return reject(new Error(`no HTTP answer (${raw.length} bytes, reset ${reset})`));
      const [statusLine, ...lines] = raw.slice(0, end).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      let rest: Buffer = Buffer.from(raw.slice(end + 4), 'latin1');
      if (headers['transfer-encoding'] === 'chunked') rest = dechunk(rest);
      resolve({
        status: Number(statusLine!.split(' ')[1]),
        headers,
        body: rest.toString('utf8'),
        reset,
      });
    });
    socket.setTimeout(20_000, () => socket.destroy(new Error('raw request timed out')));
    socket.write(head);
    for (const part of Array.isArray(body) ? body : [body]) if (part.length > 0) socket.write(part);
    // no socket.end(): a half-closed client socket makes Node drop a response that is
    // still being computed; `Connection: close` (or a parser error) makes the server close
  });
}

function dechunk(data: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = data.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = parseInt(data.subarray(at, eol).toString('latin1'), 16);
    if (!size) break;
    out.push(data.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}

/** A chunked body, `total` bytes in chunks of 64 KiB. */
export function chunked(content: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  for (let i = 0; i < content.length; i += 65_536) {
    const piece = content.subarray(i, i + 65_536);
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return parts;
}
